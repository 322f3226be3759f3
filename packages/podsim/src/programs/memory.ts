/** Memory use as programs declare it: charged to the container's cgroup (no limit on the reader's machine). */
import type { Proc } from '../kernel/process.js';
import { containerContextOf } from '../kernel/container-context.js';

/** Returns false when the allocation got the container OOM-killed. */
export function allocate(proc: Proc, bytes: number): boolean {
  return containerContextOf(proc)?.memory.allocate(proc, bytes) ?? true;
}

export function free(proc: Proc, bytes: number): void {
  containerContextOf(proc)?.memory.free(proc, bytes);
}

/** `150M`, `1G`, `512k`, `100` → bytes (1024-based, as stress and dd read sizes). */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Number(m[1]) * mult[m[2].toLowerCase()];
}
