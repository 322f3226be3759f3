/**
 * Test harness: one real node (ApiServer + containerd Runtime + Kubelet) on a virtual clock, with
 * helpers to create pods bound to it and read back their status and events.
 */
import { ApiServer } from '../api/server.js';
import type { ContainerStatus, KubeObject, Pod } from '../api/types.js';
import { Clock } from '../clock/clock.js';
import { Network } from '../kernel/net.js';
import { emptyInput, StringSink } from '../kernel/streams.js';
import { Random } from '../random/random.js';
import { Runtime } from '../runtime/runtime.js';
import { Kubelet } from './kubelet.js';
import type { Any } from '../api/objects.js';

export const NODE = 'node01';

export type PodSpecInput = Record<string, unknown> & { containers: Record<string, unknown>[] };

export function testNode(seed = 7) {
  const clock = new Clock();
  const t0 = clock.now();
  const random = new Random(seed);
  const api = new ApiServer({ clock, random });
  const network = new Network();
  const runtime = new Runtime({ clock, random, network, nodeName: NODE });
  const kubelet = new Kubelet({ nodeName: NODE, controlPlane: false, clock, api, runtime, random, network, podCIDR: '10.244.1.0/24' });
  kubelet.start();
  const get = (name: string): Pod | undefined => {
    const r = api.get('pods', 'default', name);
    return r.ok ? (r.value as unknown as Pod) : undefined;
  };
  const h = {
    clock,
    api,
    kubelet,
    network,
    runtime,
    /** Seconds since the harness started. */
    t: () => (clock.now() - t0) / 1000,
    advance: (seconds: number) => clock.advance(seconds * 1000),
    /** Advances until `cond` holds (checking every 100 ms), returns the elapsed time; throws after `limit` s. */
    until(cond: () => boolean, limit = 600): number {
      const start = clock.now();
      while (!cond()) {
        if (clock.now() - start > limit * 1000) throw new Error(`condition not met within ${limit}s (t=${h.t()})`);
        clock.advance(100);
      }
      return h.t();
    },
    run(name: string, spec: PodSpecInput, metadata: Record<string, unknown> = {}): Pod {
      const r = api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec: { nodeName: NODE, ...spec } });
      if (!r.ok) throw new Error(JSON.stringify(r.status));
      return r.value as unknown as Pod;
    },
    pod: get,
    cs(name: string, container?: string): ContainerStatus | undefined {
      const st = get(name)?.status;
      const all = [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? [])];
      return container ? all.find((c) => c.name === container) : all[0];
    },
    condition(name: string, type: string) {
      return get(name)?.status?.conditions?.find((c) => c.type === type);
    },
    /** `Type Reason message` per event of the pod, oldest first, with ` (xN)` when repeated. */
    events(name: string): string[] {
      const r = api.list('events', 'default');
      if (!r.ok) return [];
      return (r.value.items as (KubeObject & Any)[])
        .filter((e) => e.involvedObject?.name === name)
        .sort((a, b) => String(a.firstTimestamp ?? a.eventTime).localeCompare(String(b.firstTimestamp ?? b.eventTime)) || a.metadata.name!.localeCompare(b.metadata.name!))
        .map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);
    },
    exec(name: string, container: string | undefined, argv: string[]): { ok: boolean; code?: number; out: string; error?: string } {
      const out = new StringSink();
      const r = kubelet.exec('default', name, container, argv, { stdin: emptyInput, stdout: out, stderr: out, tty: false });
      if (!r.ok) return { ok: false, out: '', error: r.status.message };
      clock.flush();
      return { ok: true, code: r.proc.exitCode, out: out.text };
    },
  };
  return h;
}

export const HELLO = 'gcr.io/google-samples/hello-app:1.0';
export const hello = (extra: Record<string, unknown> = {}) => ({ name: 'hello-world', image: HELLO, ...extra });
export const busybox = (command: string, extra: Record<string, unknown> = {}) => ({ name: 'box', image: 'busybox:1.36', command: ['sh', '-c', command], ...extra });
