/**
 * Runs the real kubectl (no cluster needed for `--dry-run=client` printing) for parity tests.
 */
import { spawnSync } from 'node:child_process';

export const KUBECTL = '/usr/bin/kubectl';

const cache = new Map<string, { stdout: string; stderr: string; status: number }>();

/** `kubectl <verb> --dry-run=client -o <format> <rest…>`: the flags go before any `--`. */
export function kubectlDryRun(args: string[], format: string): { stdout: string; stderr: string; status: number } {
  const full = [args[0], '--dry-run=client', '-o', format, ...args.slice(1)];
  const key = full.join('\0');
  if (!cache.has(key)) {
    const r = spawnSync(KUBECTL, full, { encoding: 'utf8' });
    cache.set(key, { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 });
  }
  return cache.get(key)!;
}
