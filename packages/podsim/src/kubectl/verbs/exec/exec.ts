/**
 * `kubectl exec [-it] POD|TYPE/NAME [-c C] -- CMD…`: runs a command in a container through the
 * kubelet, passing the remote exit status through (`command terminated with exit code N`).
 * Models kubectl pkg/cmd/exec/exec.go.
 */
import type { Status } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { containerFor, podFor } from '../../pods.js';
import { runRemote, ttyWanted } from '../../remote-session.js';
import { statusErrorText } from '../../errors.js';

export const CONTAINER_FLAG: FlagSpec = { name: 'container', short: 'c', type: 'string', help: 'Container name; defaults to the default-container annotation or the first container.' };
export const STDIN_FLAG: FlagSpec = { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Pass stdin to the container.' };
export const TTY_FLAG: FlagSpec = { name: 'tty', short: 't', type: 'bool', default: false, help: 'Stdin is a TTY.' };
export const QUIET_FLAG: FlagSpec = { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Only print output from the remote session.' };

const FLAGS: FlagSpec[] = [
  CONTAINER_FLAG,
  { name: 'filename', short: 'f', type: 'stringSlice', default: [], help: 'File naming the resource to exec into.' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'How long to wait for a pod to be running.' },
  QUIET_FLAG,
  STDIN_FLAG,
  TTY_FLAG,
];

/**
 * API-server refusals print as `Error from server`; a kubelet refusing the stream upgrade (container
 * not running) surfaces as the SPDY client's `unable to upgrade connection: …`.
 */
export function streamErrorText(status: Status): string {
  if (status.reason === 'InternalError' || status.code === 500) return plainError(`unable to upgrade connection: ${status.message ?? ''}`);
  return statusErrorText(status);
}

function* runExec(inv: Invocation) {
  const { args, argsLenAtDash } = inv;
  if (args.length === 0 || argsLenAtDash === 0) {
    inv.err(plainError('pod, type/name or --filename must be specified'));
    return 1;
  }
  if (argsLenAtDash === -1 && args.length > 1) {
    inv.err(plainError(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee '${inv.commandPath} -h' for help and examples`));
    return 1;
  }
  const command = args.slice(1);
  if (command.length === 0) {
    inv.err(plainError('you must specify at least one command for the container'));
    return 1;
  }
  const found = podFor(inv, args[0]);
  if (!found.ok) {
    inv.err(found.error);
    return 1;
  }
  const pod = found.pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    inv.err(plainError(`cannot exec into a container in a completed pod; current phase is ${phase}`));
    return 1;
  }
  // kubectl 1.32 leaves an unknown -c to the server: `container x is not valid for pod p`.
  const requested = inv.flags.str('container');
  const c = containerFor(inv, pod, requested);
  const container = c.ok ? c.name : requested;
  const stdin = inv.flags.bool('stdin');
  const tty = ttyWanted(inv, stdin, inv.flags.bool('tty'), inv.flags.bool('quiet'));
  const name = pod.metadata?.name ?? '';
  const r = yield* runRemote(inv, (stdio) => inv.streams.exec(inv.namespace, name, container, command, stdio), stdin, tty);
  if (!r.ok) {
    inv.err(streamErrorText(r.status));
    return 1;
  }
  if (r.code !== 0) {
    inv.err(`command terminated with exit code ${r.code}\n`);
  }
  return r.code;
}

export const exec: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  examples: '# Open a shell in the first container of nginx\nkubectl exec -it nginx -- /bin/sh\n\n# Run ls in container app of pod web\nkubectl exec web -c app -- ls /',
  flags: FLAGS,
  run: runExec,
};
