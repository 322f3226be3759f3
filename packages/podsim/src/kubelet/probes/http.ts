/**
 * httpGet probes: 200–399 is success, anything else fails with the status code.
 * Models pkg/probe/http/http.go and pkg/probe/http/request.go (User-Agent kube-probe/1.32).
 */
import type { Clock } from '../../clock/clock.js';
import type { HttpRequest, HttpResponse, Network } from '../../kernel/net.js';
import { race, sleep, type Waitable } from '../../kernel/waitable.js';
import { dialError } from './tcp.js';
import { settled, type ProbeOutcome } from './types.js';

export interface HttpProbeTarget {
  scheme: string;
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** Address the request comes from (the node's bridge address). */
  from: string;
}

export function probeUrl(t: HttpProbeTarget): string {
  const path = t.path.startsWith('/') ? t.path : `/${t.path}`;
  return `${t.scheme.toLowerCase()}://${t.host}:${t.port}${path}`;
}

function judge(res: HttpResponse): ProbeOutcome {
  if (res.status >= 200 && res.status < 400) return { result: 'Success', output: res.body.slice(0, 10 * 1024) };
  return { result: 'Failure', output: `HTTP probe failed with statuscode: ${res.status}` };
}

// A probe sends the same request every period: build it once per target.
const requests = new WeakMap<HttpProbeTarget, HttpRequest>();

function requestFor(t: HttpProbeTarget): HttpRequest {
  let req = requests.get(t);
  if (!req) {
    const headers: Record<string, string> = { Host: `${t.host}:${t.port}`, 'User-Agent': 'kube-probe/1.32', Accept: '*/*', Connection: 'close', ...t.headers };
    req = { method: 'GET', path: t.path || '/', headers, remoteAddr: t.from };
    requests.set(t, req);
  }
  return req;
}

export function httpProbe(network: Pick<Network, 'connect'>, clock: Clock, t: HttpProbeTarget, timeoutMs: number): Waitable<ProbeOutcome> {
  const conn = network.connect(t.host, t.port);
  if (typeof conn === 'string') return settled({ result: 'Failure', output: `Get ${JSON.stringify(probeUrl(t))}: ${dialError(t.host, t.port, conn)}` });
  if (!conn.http) return settled({ result: 'Failure', output: `Get ${JSON.stringify(probeUrl(t))}: EOF` });
  const answer = conn.http(requestFor(t));
  if (!('subscribe' in answer)) return settled(judge(answer));
  return {
    subscribe(resume) {
      return race([answer, sleep(clock, timeoutMs)]).subscribe(({ index, value }) => {
        if (index === 0) resume(judge(value as HttpResponse));
        else resume({ result: 'Failure', output: `Get ${JSON.stringify(probeUrl(t))}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)` });
      });
    },
  };
}
