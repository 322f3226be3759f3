/** Test scaffolding: runs `kompose` on a small machine of its own, in virtual time. */
import { Clock } from '../../../clock/clock.js';
import { FileSystem, dirname } from '../../../kernel/fs.js';
import type { MachineContext } from '../../../kernel/machine.js';
import { PidNamespace, type System } from '../../../kernel/process.js';
import { StringSink, emptyInput } from '../../../kernel/streams.js';
import { kompose } from './kompose.js';

export interface KomposeRun {
  stdout: string;
  stderr: string;
  code: number | undefined;
  fs: FileSystem;
}

/** `line` split at spaces (the tests' command lines quote nothing), run in `cwd` with `files` written first. */
export function runKompose(line: string, opts: { files?: Record<string, string>; cwd?: string; env?: Record<string, string>; fs?: FileSystem } = {}): KomposeRun {
  const clock = new Clock();
  const fs = opts.fs ?? new FileSystem(() => clock.now());
  for (const [path, text] of Object.entries(opts.files ?? {})) {
    fs.mkdir(dirname(path), true);
    fs.writeFile(path, text);
  }
  const cwd = opts.cwd ?? '/home/learner';
  fs.mkdir(cwd, true);
  const ctx: MachineContext = { fs, flavor: 'gnu' };
  const sys: System = { clock, hostname: () => 'learner', resolve: () => undefined };
  const out = new StringSink();
  const err = new StringSink();
  const argv = line.split(/\s+/).filter(Boolean);
  const proc = new PidNamespace(false).spawn({ argv, program: kompose, env: { HOME: '/home/learner', PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env }, cwd, stdin: emptyInput, stdout: out, stderr: err, sys, ctx });
  clock.flush();
  return { stdout: out.text, stderr: err.text, code: proc.exitCode, fs };
}
