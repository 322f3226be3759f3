/**
 * What every package manager shares: reading the distribution from /etc/os-release, writing a
 * package's programs into the container's file system (gone when the container restarts, as the
 * image is unchanged), and the download time from the package size.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc } from '../../kernel/process.js';
import { sleep, wait } from '../../kernel/waitable.js';
import { executableStub } from '../../kernel/executable.js';
import { PACKAGE_KEY_PREFIX, type Package } from './index.js';

/** Mirror bandwidth in kB per ms (about 10 MB/s). */
const KB_PER_MS = 10;

export function osRelease(proc: Proc, key: string): string {
  try {
    const text = machineOf(proc).fs.readFile('/etc/os-release');
    return new RegExp(`^${key}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  } catch {
    return '';
  }
}

export function* download(proc: Proc, kb: number) {
  yield* wait(sleep(proc.clock, 200 + Math.round(kb / KB_PER_MS)));
}

export function installFiles(proc: Proc, p: Package): void {
  const fs = machineOf(proc).fs;
  fs.mkdir('/usr/bin', true);
  for (const bin of p.bins) fs.writeFile(`/usr/bin/${bin}`, executableStub(`${PACKAGE_KEY_PREFIX}${bin}`), { mode: 0o755 });
}

export function marker(proc: Proc, path: string): boolean {
  return machineOf(proc).fs.exists(path);
}

export function touch(proc: Proc, path: string): void {
  const fs = machineOf(proc).fs;
  fs.mkdir(path.slice(0, path.lastIndexOf('/')), true);
  fs.writeFile(path, '');
}

/** `12 MiB`-style and `709 kB`-style sizes. */
export const kB = (kb: number) => (kb >= 1000 ? `${(kb / 1000).toFixed(kb >= 10_000 ? 0 : 1)} MB` : `${kb} kB`);
