/**
 * grpc probes (grpc.health.v1.Health/Check). Models pkg/probe/grpc/grpc.go: a closed port fails with
 * the connect-timeout text; a server answers through its HTTP handler at the health-check path.
 */
import type { Network } from '../../kernel/net.js';
import type { Waitable } from '../../kernel/waitable.js';
import { settled, type ProbeOutcome } from './types.js';

export function grpcProbe(network: Pick<Network, 'connect'>, host: string, port: number, service: string, timeoutSeconds: number): Waitable<ProbeOutcome> {
  const conn = network.connect(host, port);
  if (typeof conn === 'string' || !conn.http) {
    return settled({ result: 'Failure', output: `timeout: failed to connect service ${JSON.stringify(`${host}:${port}`)} within ${timeoutSeconds}s: context deadline exceeded` });
  }
  const res = conn.http({ method: 'POST', path: '/grpc.health.v1.Health/Check', headers: { 'content-type': 'application/grpc', service }, remoteAddr: '' });
  if ('subscribe' in res) return settled({ result: 'Success', output: '' });
  if (res.status >= 200 && res.status < 400) return settled({ result: 'Success', output: '' });
  return settled({ result: 'Failure', output: 'service unhealthy (responded with "NOT_SERVING")' });
}
