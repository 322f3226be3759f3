/**
 * stress 1.0.4 (polinux/stress): --cpu N, --vm N --vm-bytes B [--vm-hang S], --timeout S.
 * VM workers keep re-allocating their bytes; over the container's memory limit the OOM killer ends
 * the whole container (status 137, OOMKilled).
 */
import type { Proc, Program } from '../../kernel/process.js';
import { forever, sleep, wait } from '../../kernel/waitable.js';
import { busy } from '../cpu.js';
import { allocate, free, parseSize } from '../memory.js';

interface StressOptions {
  cpu: number;
  io: number;
  vm: number;
  hdd: number;
  vmBytes: number;
  vmHangSec: number;
  timeoutSec?: number;
}

function parse(args: string[]): StressOptions | string {
  const o: StressOptions = { cpu: 0, io: 0, vm: 0, hdd: 0, vmBytes: 256 * 1024 * 1024, vmHangSec: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1];
    const take = () => {
      i++;
      return v;
    };
    if (a === '-c' || a === '--cpu') o.cpu = Number(take());
    else if (a === '-i' || a === '--io') o.io = Number(take());
    else if (a === '-m' || a === '--vm') o.vm = Number(take());
    else if (a === '-d' || a === '--hdd') o.hdd = Number(take());
    else if (a === '--vm-bytes') {
      const n = parseSize(take() ?? '');
      if (n === undefined) return `invalid number: ${v}`;
      o.vmBytes = n;
    } else if (a === '--vm-hang') o.vmHangSec = Number(take());
    else if (a === '-t' || a === '--timeout') o.timeoutSec = Number(String(take()).replace(/s$/, ''));
    else if (a === '-v' || a === '--verbose' || a === '-q' || a === '--quiet' || a === '--vm-keep') continue;
    else return `unrecognized option '${a}'`;
  }
  return o;
}

function vmWorker(bytes: number, hangSec: number): Program {
  return function* (proc) {
    // Without --vm-hang a worker keeps touching its pages: one core busy (stress's vm hog loop).
    if (hangSec === 0) busy(proc, 1);
    for (;;) {
      if (!allocate(proc, bytes)) return 137;
      // Touching the pages takes a moment; --vm-hang holds them before freeing and starting over.
      yield* wait(sleep(proc.clock, hangSec > 0 ? hangSec * 1000 : 100));
      free(proc, bytes);
    }
  };
}

const spin: Program = function* (proc) {
  busy(proc, 1);
  yield* wait(forever);
  return 0;
};

export const stress: Program = function* (proc) {
  const o = parse(proc.argv.slice(1));
  if (typeof o === 'string') {
    proc.stderr.write(`stress: FAIL: [${proc.pid}] (244) ${o}\n`);
    return 1;
  }
  if (o.cpu + o.io + o.vm + o.hdd === 0) {
    proc.stdout.write('`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n');
    return 0;
  }
  proc.stdout.write(`stress: info: [${proc.pid}] dispatching hogs: ${o.cpu} cpu, ${o.io} io, ${o.vm} vm, ${o.hdd} hdd\n`);
  // stress forks its hogs a little after starting (a few PIDs later, as in a real container).
  yield* wait(sleep(proc.clock, 5));
  const workers: Proc[] = [];
  const spawn = (program: Program) => workers.push(proc.ns.spawn({ argv: [...proc.argv], program, parent: proc, sys: proc.sys, stdin: proc.stdin, stdout: proc.stdout, stderr: proc.stderr }));
  for (let i = 0; i < o.cpu + o.io + o.hdd; i++) spawn(spin);
  for (let i = 0; i < o.vm; i++) spawn(vmWorker(o.vmBytes, o.vmHangSec));
  if (!proc.alive) return 137;
  if (o.timeoutSec !== undefined) {
    yield* wait(sleep(proc.clock, o.timeoutSec * 1000));
    for (const w of workers) w.exit(0);
    proc.stdout.write(`stress: info: [${proc.pid}] successful run completed in ${o.timeoutSec}s\n`);
    return 0;
  }
  yield* wait(forever);
  return 0;
};
