/** CPU use as programs declare it: charged to the container's cgroup (the reader's machine keeps no account). */
import type { Proc } from '../kernel/process.js';
import { containerContextOf } from '../kernel/container-context.js';

/** `proc` keeps `cores` busy until it says otherwise or exits (a spinning loop, a hog thread). */
export function busy(proc: Proc, cores: number): void {
  containerContextOf(proc)?.cpu.busy(proc, cores);
}

/** Work that costs `coreMs` milliseconds of one core (a request answered, a page rendered); the ms until it is done. */
export function spend(proc: Proc, coreMs: number): number {
  return containerContextOf(proc)?.cpu.spend(coreMs) ?? coreMs;
}
