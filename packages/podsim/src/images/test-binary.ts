/**
 * `test` and `[` as files on disk (coreutils' /usr/bin/test, busybox's applet): what runs when no shell
 * is in between, as in `kubectl exec POD -- test -d /tmp` (kubectl cp asks that). Same rules as the
 * shells' builtin.
 */
import type { Program } from '../kernel/process.js';
import { machineOf } from '../kernel/machine.js';
import { evaluateTest } from '../shell/builtins/test.js';

export const testBinary: Program = function* (proc) {
  const name = (proc.argv[0] ?? 'test').split('/').pop() ?? 'test';
  let args = proc.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      proc.stderr.write("[: missing ']'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluateTest(args, machineOf(proc).fs, proc.cwd) ? 0 : 1;
  } catch (e) {
    proc.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
};
