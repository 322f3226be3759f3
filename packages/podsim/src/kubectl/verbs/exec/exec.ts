/**
 * `kubectl exec [-it] POD|TYPE/NAME [-c C] -- CMD…`: runs a command in a container through the
 * kubelet, passing the remote exit status through (`command terminated with exit code N`).
 * Models kubectl pkg/cmd/exec/exec.go.
 */
import type { Status } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { containerFor, podOrError } from '../../pods.js';
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
 * API-server refusals print as `Error from server`. Since 1.30 the API server itself accepts kubectl's
 * WebSocket and talks SPDY to the kubelet, so a kubelet refusing that upgrade (container not running)
 * comes back on the error channel as `Internal error occurred: unable to upgrade connection: …`, and a
 * command the runtime cannot start fails inside the stream with the bare `Internal error occurred: …`.
 */
export function streamErrorText(status: Status): string {
  const message = status.message ?? '';
  if (status.code === 500 && message.startsWith('Internal error occurred: ')) return plainError(message);
  if (status.reason === 'InternalError' || status.code === 500) return plainError(`Internal error occurred: unable to upgrade connection: ${message}`);
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
  const pod = podOrError(inv, args[0]);
  if (!pod) return 1;
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
