/** Flags every kubectl command accepts (`kubectl options`); only -n/--namespace changes anything here. */
import type { FlagSpec } from './flags.js';

const ignoredString = (name: string, help: string, short?: string): FlagSpec => ({ name, short, type: 'string', help });

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', help: 'Namespace to use for this request.' },
  ignoredString('kubeconfig', 'Kubeconfig file to use (the sandbox has a single cluster).'),
  ignoredString('context', 'Kubeconfig context to use.'),
  ignoredString('cluster', 'Kubeconfig cluster to use.'),
  ignoredString('user', 'Kubeconfig user to use.'),
  ignoredString('server', 'Address of the API server.', 's'),
  ignoredString('token', 'Bearer token for the API server.'),
  ignoredString('as', 'User to impersonate.'),
  ignoredString('request-timeout', 'How long to wait for one server request (0 waits forever).'),
  { name: 'v', short: 'v', type: 'int', default: 0, help: 'Log verbosity.' },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false, help: 'Skip TLS certificate checks.' },
  { name: 'warnings-as-errors', type: 'bool', default: false, help: 'Treat server warnings as errors.' },
];

/**
 * Whether cobra's command lookup treats the word after `arg` as that flag's value (cobra
 * stripFlags): any `--flag` or two-letter `-x` without `=` does, unless it is a known bool flag.
 */
export function globalFlagTakesValue(arg: string): boolean {
  if (arg.includes('=')) return false;
  if (arg.startsWith('--')) return !GLOBAL_FLAGS.some((f) => f.type === 'bool' && `--${f.name}` === arg);
  return arg.length === 2 && !GLOBAL_FLAGS.some((f) => f.type === 'bool' && f.short === arg[1]);
}
