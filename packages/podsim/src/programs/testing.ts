/** Test scaffolding: runs one program on a small machine (GNU or busybox wording) in virtual time. */
import { Clock } from '../clock/clock.js';
import { FileSystem, dirname } from '../kernel/fs.js';
import type { MachineContext } from '../kernel/machine.js';
import { NetNamespace, Network } from '../kernel/net.js';
import { PidNamespace, type Proc, type System } from '../kernel/process.js';
import { Pipe, StringSink, emptyInput } from '../kernel/streams.js';
import { PROGRAMS } from './index.js';

export interface Machine {
  clock: Clock;
  fs: FileSystem;
  net: NetNamespace;
  network: Network;
  pids: PidNamespace;
  ctx: MachineContext;
  run(argv: string[], opts?: { stdin?: string; tty?: boolean; cwd?: string; env?: Record<string, string> }): { out: StringSink & { isTTY?: boolean }; err: StringSink; proc: Proc; code: number | undefined };
}

export function machine(opts: { flavor?: 'busybox' | 'gnu'; files?: Record<string, string>; hostname?: string; ip?: string; network?: Network; clock?: Clock } = {}): Machine {
  const clock = opts.clock ?? new Clock();
  const fs = new FileSystem(() => clock.now());
  for (const [path, data] of Object.entries(opts.files ?? {})) {
    if (path.endsWith('/')) fs.mkdir(path, true);
    else {
      fs.mkdir(dirname(path), true);
      fs.writeFile(path, data);
    }
  }
  const network = opts.network ?? new Network();
  const net = new NetNamespace(opts.ip ?? '10.244.1.5', network);
  network.attach(net);
  const pids = new PidNamespace(true);
  const ctx: MachineContext = { fs, net, flavor: opts.flavor ?? 'busybox' };
  const sys: System = { clock, hostname: () => opts.hostname ?? 'box', resolve: (c) => (PROGRAMS[c.split('/').pop() ?? ''] ? { path: c, program: PROGRAMS[c.split('/').pop() ?? ''] } : undefined) };
  return {
    clock,
    fs,
    net,
    network,
    pids,
    ctx,
    run(argv, o = {}) {
      const out: StringSink & { isTTY?: boolean } = new StringSink();
      if (o.tty) out.isTTY = true;
      const err = new StringSink();
      let stdin = emptyInput;
      if (o.stdin !== undefined) {
        const p = new Pipe();
        p.write(o.stdin);
        p.close();
        stdin = p;
      }
      const program = PROGRAMS[argv[0]];
      if (!program) throw new Error(`no program ${argv[0]}`);
      const proc = pids.spawn({ argv, program, env: { PATH: '/bin', ...(o.env ?? {}) }, cwd: o.cwd ?? '/', stdin, stdout: out, stderr: err, sys, ctx });
      clock.flush();
      return { out, err, proc, code: proc.exitCode };
    },
  };
}
