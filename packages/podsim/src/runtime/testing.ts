/** Test scaffolding: a node runtime with one pod, helpers to run containers and exec into them. */
import { Clock } from '../clock/clock.js';
import { Network } from '../kernel/net.js';
import type { Proc } from '../kernel/process.js';
import { Pipe, StringSink, emptyInput } from '../kernel/streams.js';
import { Random } from '../random/random.js';
import { Runtime } from './runtime.js';
import type { ContainerConfig, ExitInfo, PodSandbox, RuntimeContainer, UsernsMapping } from './types.js';

export interface TestPod {
  clock: Clock;
  network: Network;
  runtime: Runtime;
  sandbox: PodSandbox;
  /** Creates and starts a container; throws if either step fails (tests that expect failure use sandbox directly). */
  run(image: string, cfg?: Partial<ContainerConfig>): RuntimeContainer;
  exec(c: RuntimeContainer, argv: string[], input?: string): { out: StringSink; err: StringSink; proc: Proc };
}

/** What the kubelet gives a ClusterFirst pod of `default`. */
const TEST_POD_DNS = { servers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] };

export function testPod(opts: { name?: string; ip?: string; share?: boolean; userns?: UsernsMapping; clock?: Clock; network?: Network; runtime?: Runtime } = {}): TestPod {
  const clock = opts.clock ?? new Clock();
  const network = opts.network ?? new Network();
  const runtime = opts.runtime ?? new Runtime({ clock, random: new Random(7), network, nodeName: 'node01' });
  const name = opts.name ?? 'pod1';
  const sandbox = runtime.createSandbox({ podUid: `uid-${name}`, podName: name, namespace: 'default', hostname: name, ip: opts.ip ?? '10.244.1.5', shareProcessNamespace: opts.share ?? false, dns: TEST_POD_DNS, ...(opts.userns ? { userns: opts.userns } : {}) });
  return {
    clock,
    network,
    runtime,
    sandbox,
    run(image, cfg = {}) {
      const created = sandbox.createContainer({ name: cfg.name ?? 'c', image, imageRef: image, env: {}, mounts: [], ...cfg });
      if (!created.ok) throw new Error(created.message);
      const started = created.container.start();
      if (!started.ok) throw new Error(started.message);
      return created.container;
    },
    exec(c, argv, input) {
      const out = new StringSink();
      const err = new StringSink();
      let stdin = emptyInput;
      if (input !== undefined) {
        const pipe = new Pipe();
        pipe.write(input);
        pipe.close();
        stdin = pipe;
      }
      const r = c.exec(argv, { stdin, stdout: out, stderr: err, tty: false });
      if (!r.ok) throw new Error(r.message);
      return { out, err, proc: r.proc };
    },
  };
}

/** Log text of a container as `kubectl logs` prints it. */
export function logText(c: RuntimeContainer): string {
  return c.log
    .lines()
    .map((l) => `${l.text}\n`)
    .join('');
}

/** The container's exit record once it has ended (undefined while it runs). */
export function exitOf(c: RuntimeContainer): ExitInfo | undefined {
  let info: ExitInfo | undefined;
  c.exited.subscribe((e) => (info = e));
  return info;
}
