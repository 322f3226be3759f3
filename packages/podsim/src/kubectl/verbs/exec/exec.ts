/**
 * `kubectl exec [-it] POD|TYPE/NAME [-c C] -- CMD…`: runs a command in a container through the
 * kubelet, passing the remote exit status through (`command terminated with exit code N`).
 * Models kubectl pkg/cmd/exec/exec.go.
 */
import type { Status } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { readTargets } from '../../manifest-target.js';
import { containerFor, podOrError } from '../../pods.js';
import { runRemote, ttyWanted } from '../../remote-session.js';
import { kindPrefix } from '../../resource-args.js';
import { failed, runSteps, type Completed, type VerbSteps } from '../../steps.js';

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

/** What `kubectl exec` was asked to do (upstream ExecOptions). */
export interface ExecOptions {
  /** POD or TYPE/NAME; empty when only -f names the pod. */
  resource: string;
  filenames: string[];
  command: string[];
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  podRunningTimeout: number;
}

/** cmdutil.GetPodRunningTimeoutFlag: the timeout in ms, or the message for a value that is not above zero. */
export function podRunningTimeout(inv: Invocation): { ok: true; ms: number } | { ok: false; message: string } {
  const ms = inv.flags.int('pod-running-timeout');
  return ms > 0 ? { ok: true, ms } : { ok: false, message: '--pod-running-timeout must be higher than zero' };
}

function complete(inv: Invocation): Completed<ExecOptions> {
  const { args, argsLenAtDash } = inv;
  if (argsLenAtDash === -1 && args.length > 1) return failed(usageError(inv.commandPath, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead'));
  const timeout = podRunningTimeout(inv);
  if (!timeout.ok) return failed(usageError(inv.commandPath, timeout.message));
  return {
    ok: true,
    options: {
      resource: args.length > 0 && argsLenAtDash !== 0 ? args[0] : '',
      filenames: inv.flags.list('filename'),
      command: argsLenAtDash > -1 ? args.slice(argsLenAtDash) : [],
      container: inv.flags.str('container'),
      stdin: inv.flags.bool('stdin'),
      tty: inv.flags.bool('tty'),
      quiet: inv.flags.bool('quiet'),
      podRunningTimeout: timeout.ms,
    },
  };
}

function validate(o: ExecOptions): string | undefined {
  if (!o.resource && o.filenames.length === 0) return plainError('pod, type/name or --filename must be specified');
  if (o.command.length === 0) return plainError('you must specify at least one command for the container');
  return undefined;
}

/** The pod named by the argument, else by the first object of -f. */
function* podRef(inv: Invocation, o: ExecOptions) {
  if (o.resource) return o.resource;
  const read = yield* readTargets(inv, o.filenames, 'exec');
  if (!read || read.targets.length === 0) return undefined;
  return `${kindPrefix(read.targets[0].info)}/${read.targets[0].name}`;
}

function* run(inv: Invocation, o: ExecOptions) {
  const ref = yield* podRef(inv, o);
  if (ref === undefined) return 1;
  const pod = podOrError(inv, ref);
  if (!pod) return 1;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    inv.err(plainError(`cannot exec into a container in a completed pod; current phase is ${phase}`));
    return 1;
  }
  // kubectl 1.32 leaves an unknown -c to the server: `container x is not valid for pod p`.
  const c = containerFor(inv, pod, o.container);
  const container = c.ok ? c.name : o.container;
  const tty = ttyWanted(inv, o.stdin, o.tty, o.quiet);
  const name = pod.metadata?.name ?? '';
  const r = yield* runRemote(inv, (stdio) => inv.streams.exec(inv.namespace, name, container, o.command, stdio), o.stdin, tty);
  if (!r.ok) {
    inv.err(streamErrorText(r.status));
    return 1;
  }
  if (r.code !== 0) {
    inv.err(`command terminated with exit code ${r.code}\n`);
  }
  return r.code;
}

export const EXEC_STEPS: VerbSteps<ExecOptions> = { complete, validate, run };

export const exec: Command = {
  name: 'exec',
  completes: 'pods',
  short: 'Execute a command in a container',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  examples: '# Open a shell in the first container of nginx\nkubectl exec -it nginx -- /bin/sh\n\n# Run ls in container app of pod web\nkubectl exec web -c app -- ls /',
  flags: FLAGS,
  run: runSteps(EXEC_STEPS),
};
