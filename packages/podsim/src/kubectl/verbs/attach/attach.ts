/**
 * `kubectl attach (POD | TYPE/NAME | TYPE NAME) [-c C] [-i] [-t] [-q]`: connects to the main process of a
 * running container: its output from now on, and with -i the reader's input. The session ends when
 * the process exits (always status 0: an attach stream carries no exit code) or on Ctrl+C without -t.
 * Models kubectl pkg/cmd/attach/attach.go (Validate, Run, reattachMessage).
 */
import type { Pod, Status } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, usageError } from '../../errors.js';
import { podFor } from '../../pods.js';
import { runRemote, ttyWanted } from '../../remote-session.js';
import { CONTAINER_FLAG, QUIET_FLAG, STDIN_FLAG, streamErrorText, TTY_FLAG } from '../exec/exec.js';

const FLAGS = [
  CONTAINER_FLAG,
  { name: 'pod-running-timeout', type: 'duration' as const, default: '1m0s', help: 'How long (e.g. 5s, 2m, 3h; above zero) to wait for at least one pod to be running.' },
  QUIET_FLAG,
  STDIN_FLAG,
  TTY_FLAG,
];

type Spec = NonNullable<Pod['spec']>;
export type AnyContainer = { name: string; tty?: boolean; stdin?: boolean };

/** The container to attach to with where it is declared (podcmd.FindOrDefaultContainerByName). */
function pickContainer(inv: Invocation, pod: Pod): { ok: true; c: AnyContainer; ephemeral: boolean } | { ok: false; message: string } {
  const spec: Spec = pod.spec ?? { containers: [] };
  const name = pod.metadata?.name ?? '';
  const requested = inv.flags.str('container');
  if (requested) {
    const found = [...spec.containers, ...(spec.initContainers ?? [])].find((c) => c.name === requested);
    if (found) return { ok: true, c: found, ephemeral: false };
    const eph = (spec.ephemeralContainers ?? []).find((c) => c.name === requested);
    if (eph) return { ok: true, c: eph, ephemeral: true };
    return { ok: false, message: `container ${requested} not found in pod ${name}` };
  }
  if (spec.containers.length === 0) return { ok: false, message: `pod ${pod.metadata?.namespace ?? ''}/${name} does not have any containers` };
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = spec.containers.find((c) => c.name === annotated) ?? spec.containers[0];
  const choices = [...spec.containers.map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  if (choices.length > 1 && !inv.flags.bool('quiet')) inv.err(`Defaulted container ${JSON.stringify(chosen.name)} out of: ${choices.join(', ')}\n`);
  return { ok: true, c: chosen, ephemeral: false };
}

function* runAttach(inv: Invocation) {
  const { args } = inv;
  // Complete (a usage error) comes before Validate.
  if (inv.flags.int('pod-running-timeout') <= 0) {
    inv.err(usageError(inv.commandPath, '--pod-running-timeout must be higher than zero'));
    return 1;
  }
  if (args.length === 0) {
    inv.err(plainError('at least 1 argument is required for attach'));
    return 1;
  }
  if (args.length > 2) {
    inv.err(plainError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`));
    return 1;
  }
  const found = podFor(inv, args.length === 2 ? `${args[0]}/${args[1]}` : args[0]);
  if (!found.ok) {
    inv.err(found.error);
    return 1;
  }
  const pod = found.pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    inv.err(plainError(`cannot attach a container in a completed pod; current phase is ${phase}`));
    return 1;
  }
  const picked = pickContainer(inv, pod);
  if (!picked.ok) {
    inv.err(plainError(`cannot attach to the container: ${picked.message}`));
    return 1;
  }
  return yield* attachSession(inv, pod, picked, { stdin: inv.flags.bool('stdin'), tty: inv.flags.bool('tty'), quiet: inv.flags.bool('quiet'), commandName: inv.commandPath });
}

export interface AttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** How the reattach hint names the command (`kubectl attach`). */
  commandName: string;
  /** run.go and debug.go handleAttachPod: a failed attach is reported as a warning and the logs are streamed instead. */
  logsOnFailure?: boolean;
}

/** run.go/debug.go handleAttachPod: a failed attach is a warning, then the container's logs. */
export function fallBackToLogs(inv: Invocation, ns: string, pod: string, container: string, status: Status): void {
  // The error as err.Error() prints it: kubectl's CheckErr prefix and the status wrapper are not part of it.
  const why = streamErrorText(status).replace(/^error: |^Error from server \([^)]*\): /, '').trimEnd();
  inv.err(`warning: couldn't attach to pod/${pod}, falling back to streaming logs: ${why}\n`);
  printContainerLogs(inv, ns, pod, container);
}

/** run.go/debug.go logOpts: what the container has logged, for one that ended or could not be attached to. */
export function printContainerLogs(inv: Invocation, ns: string, pod: string, container: string): void {
  const logs = inv.streams.logs(ns, pod, container, {});
  if (logs.ok) for (const l of logs.log.lines()) inv.out(l.text.endsWith('\n') ? l.text : `${l.text}\n`);
}

/** attach.go Run from the container on: terminal setting, the prompt line, the session, the reattach hint. */
export function* attachSession(inv: Invocation, pod: Pod, picked: { c: AnyContainer; ephemeral: boolean }, opts: AttachOptions) {
  const { quiet, stdin } = opts;
  let wantTty = opts.tty;
  // The terminal setting was fixed when the container started: attach follows it either way.
  if (wantTty && !picked.c.tty) {
    wantTty = false;
    if (!quiet) inv.err(`error: Unable to use a TTY - container ${picked.c.name} did not allocate one\n`);
  } else if (!wantTty && picked.c.tty) wantTty = true;
  const tty = ttyWanted(inv, stdin, wantTty, quiet);
  if (!quiet) inv.err("If you don't see a command prompt, try pressing enter.\n");
  const name = pod.metadata?.name ?? '';
  const r = yield* runRemote(inv, (stdio) => inv.streams.attach(pod.metadata?.namespace ?? inv.namespace, name, picked.c.name, stdio), stdin, tty);
  if (!r.ok && opts.logsOnFailure) {
    fallBackToLogs(inv, pod.metadata?.namespace ?? inv.namespace, name, picked.c.name, r.status);
    return 0;
  }
  if (!r.ok) {
    inv.err(streamErrorText(r.status));
    return 1;
  }
  if (!quiet && stdin && tty && pod.spec?.restartPolicy === 'Always') {
    inv.out(
      picked.ephemeral
        ? `Session ended, the ephemeral container will not be restarted but may be reattached using '${opts.commandName} ${name} -c ${picked.c.name} -i -t' if it is still running\n`
        : `Session ended, resume using '${opts.commandName} ${name} -c ${picked.c.name} -i -t' command when the pod is running\n`,
    );
  }
  return 0;
}

export const attach: Command = {
  name: 'attach',
  completes: 'pods',
  short: 'Attach to a running container',
  usage: 'attach (POD | TYPE/NAME) -c CONTAINER [options]',
  examples:
    "# Output of pod mypod from now on (its default or first container)\nkubectl attach mypod\n\n# Output of container ruby-container of pod mypod\nkubectl attach mypod -c ruby-container\n\n# Type into bash in ruby-container on a raw terminal\nkubectl attach mypod -c ruby-container -i -t\n\n# The first pod of replica set nginx\nkubectl attach rs/nginx",
  flags: FLAGS,
  run: runAttach,
};
