/**
 * postStart / preStop lifecycle handlers: exec in the container, an HTTP GET to the pod, or sleep.
 * Models pkg/kubelet/lifecycle/handlers.go (HandlerRunner.Run and its failure messages).
 */
import type { Clock } from '../clock/clock.js';
import type { Container } from '../api/types.js';
import type { Network } from '../kernel/net.js';
import { sleep, type Waitable } from '../kernel/waitable.js';
import type { RuntimeContainer } from '../runtime/types.js';
import { execProbe } from './probes/exec.js';
import { httpProbe } from './probes/http.js';
import { settled } from './probes/types.js';

type Handler = NonNullable<NonNullable<Container['lifecycle']>['postStart']>;

export interface HookContext {
  clock: Clock;
  network: Network;
  container: Container;
  runtime: RuntimeContainer;
  podIP: string;
  sourceIP: string;
  /** `<pod>_<namespace>(<uid>)`, as format.Pod prints it. */
  podFull: string;
  timeoutMs: number;
}

export type HookResult = { ok: true } | { ok: false; message: string };

export function runHook(h: Handler, ctx: HookContext): Waitable<HookResult> {
  const who = `for Container ${JSON.stringify(ctx.container.name)} in Pod ${JSON.stringify(ctx.podFull)}`;
  if (h.exec) {
    const cmd = h.exec.command ?? [];
    const w = execProbe(ctx.runtime, ctx.clock, cmd, ctx.timeoutMs);
    return {
      subscribe: (resume) =>
        w.subscribe((o) => {
          if (o.result === 'Success') return resume({ ok: true });
          const err = o.error ?? `command '${cmd.join(' ')}' exited with 1: ${o.output}`;
          resume({ ok: false, message: `Exec lifecycle hook ([${cmd.join(' ')}]) ${who} failed - error: ${err}, message: ${JSON.stringify(o.output)}` });
        }),
    };
  }
  if (h.httpGet) {
    const port = typeof h.httpGet.port === 'number' ? h.httpGet.port : Number((ctx.container.ports ?? []).find((p) => p.name === h.httpGet!.port)?.containerPort ?? h.httpGet.port);
    const headers: Record<string, string> = {};
    for (const x of h.httpGet.httpHeaders ?? []) headers[x.name] = x.value;
    const w = httpProbe(ctx.network, ctx.clock, { scheme: h.httpGet.scheme ?? 'HTTP', host: h.httpGet.host || ctx.podIP, port, path: h.httpGet.path ?? '/', headers, from: ctx.sourceIP }, ctx.timeoutMs);
    return {
      subscribe: (resume) =>
        w.subscribe((o) => resume(o.result === 'Success' ? { ok: true } : { ok: false, message: `HTTP lifecycle hook (${h.httpGet!.path ?? '/'}) ${who} failed - error: ${o.output}` })),
    };
  }
  if (h.sleep) {
    const ms = Math.min(Math.max(0, h.sleep.seconds) * 1000, ctx.timeoutMs);
    return { subscribe: (resume) => sleep(ctx.clock, ms).subscribe(() => resume({ ok: true })) };
  }
  return settled({ ok: false, message: `Cannot run handler: invalid handler: ${JSON.stringify(h)}` });
}
