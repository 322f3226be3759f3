/**
 * Runs the real kubectl (when /usr/bin/kubectl exists) for comparison tests: only commands that
 * answer without a cluster. The Debian "dispatcher" build prints cobra's `Error: ` prefix where
 * upstream kubectl (CheckErr) prints `error: ` and omits klog lines; `normalize` evens that out.
 */
import { spawnSync } from 'node:child_process';

export const REAL_KUBECTL = '/usr/bin/kubectl';

export function realKubectl(args: string[], opts: { cwd?: string; input?: string } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(REAL_KUBECTL, args, { cwd: opts.cwd, input: opts.input ?? '', encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', KUBECONFIG: '/nonexistent' }, timeout: 20_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function normalize(stderr: string): string {
  return stderr
    .split('\n')
    .map((l) => {
      // The dispatcher logs a failed command through klog where upstream prints `error: <err>`.
      const m = /^E\d{4} [\d:.]+ +\d+ run\.go:\d+\] "command failed" err="(.*)"$/.exec(l);
      return m ? `error: ${m[1].replace(/\\"/g, '"')}` : l;
    })
    .filter((l) => !/^E\d{4} /.test(l))
    .join('\n')
    .replace(/^Error: /, 'error: ')
    .replace(/\n+$/, '\n');
}
