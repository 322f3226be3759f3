/**
 * `kubectl run NAME --image=IMAGE [--restart] [--port] [--env] [--labels] [--command] [-it --rm]
 * [-- args…]`: creates one pod; with -i/--attach waits for it to run, connects to it and (with --rm)
 * deletes it afterwards. Models kubectl pkg/cmd/run/run.go.
 */
import type { Pod } from '../../../api/types.js';
import { Deferred, race, sleep, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { DRY_RUN_FLAG, dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { forServer, podFor as podObject } from '../../generators.js';
import { runRemote, ttyWanted } from '../../remote-session.js';
import { untilGone } from '../../wait-gone.js';
import { QUIET_FLAG, STDIN_FLAG, streamErrorText, TTY_FLAG } from '../exec/exec.js';

const FLAGS: FlagSpec[] = [
  { name: 'annotations', type: 'stringArray', default: [], help: 'Annotations for the pod.' },
  { name: 'attach', type: 'bool', default: false, help: 'Wait for the pod to start and attach to it.' },
  { name: 'command', type: 'bool', default: false, help: 'Use the extra arguments as the command instead of the image entrypoint arguments.' },
  DRY_RUN_FLAG,
  { name: 'env', type: 'stringArray', default: [], help: 'Environment variables (NAME=value).' },
  { name: 'image', type: 'string', help: 'The image for the container.' },
  { name: 'image-pull-policy', type: 'string', help: 'Always, IfNotPresent or Never.' },
  { name: 'labels', short: 'l', type: 'string', help: 'Comma separated labels (replaces run=NAME).' },
  { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, jsonpath=...' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'How long to wait for the pod to be running.' },
  { name: 'port', type: 'string', help: 'The port the container exposes.' },
  QUIET_FLAG,
  { name: 'restart', type: 'string', default: 'Always', help: 'The restart policy: Always, OnFailure or Never.' },
  { name: 'rm', type: 'bool', default: false, help: 'Delete the pod after the attached session ends.' },
  STDIN_FLAG,
  TTY_FLAG,
];

function keyValues(items: string[], what: string): { ok: true; map: Record<string, string> } | { ok: false; message: string } {
  const map: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) return { ok: false, message: `invalid ${what}: ${JSON.stringify(item)}` };
    map[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return { ok: true, map };
}

/** Settles once the pod runs (true) or has ended (false). */
function podStarted(inv: Invocation, name: string): Deferred<boolean> {
  const d = new Deferred<boolean>();
  const check = (pod: Pod | undefined) => {
    const phase = pod?.status?.phase;
    if (phase === 'Running') d.resolve(true);
    else if (phase === 'Succeeded' || phase === 'Failed') d.resolve(false);
  };
  const got = inv.api.get('pods', inv.namespace, name);
  if (got.ok) check(got.value as unknown as Pod);
  if (d.isSettled) return d;
  const stop = inv.api.watch('pods', inv.namespace, (ev) => {
    if (ev.object.metadata.name === name) check(ev.object as unknown as Pod);
  });
  d.subscribe(() => stop());
  return d;
}

function* runRun(inv: Invocation) {
  const name = inv.args[0];
  if (!inv.flags.str('image')) {
    inv.err(plainError('required flag(s) "image" not set'));
    return 1;
  }
  if (!name) {
    inv.err(plainError(`NAME is required for run\nSee '${inv.commandPath} -h' for help and examples`));
    return 1;
  }
  const restart = inv.flags.str('restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    inv.err(usageError(inv.commandPath, `invalid restart policy: ${restart}`));
    return 1;
  }
  const opts = dryRunAndFormat(inv);
  if (!opts) return 1;
  const stdin = inv.flags.bool('stdin');
  const attach = inv.flags.bool('attach') || stdin;
  if (inv.flags.bool('rm') && !attach) {
    inv.err(usageError(inv.commandPath, '--rm should only be used for attached containers'));
    return 1;
  }
  const labelText = inv.flags.str('labels');
  const labels = labelText ? keyValues(labelText.split(','), 'label spec') : { ok: true as const, map: { run: name } };
  const env = keyValues(inv.flags.list('env'), 'env');
  if (!labels.ok || !env.ok) {
    inv.err(plainError(!labels.ok ? labels.message : (env as { message: string }).message));
    return 1;
  }
  const portText = inv.flags.str('port');
  if (portText && !/^\d+$/.test(portText)) {
    inv.err(plainError(`strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`));
    return 1;
  }
  const pod = podObject({
    name,
    image: inv.flags.str('image'),
    namespace: inv.namespaceExplicit ? inv.namespace : undefined,
    labels: labels.map,
    env: Object.entries(env.map).map(([n, value]) => ({ name: n, value })),
    port: portText ? Number(portText) : undefined,
    command: inv.flags.bool('command'),
    args: inv.args.slice(1),
    restart,
    stdin,
    tty: inv.flags.bool('tty'),
    imagePullPolicy: inv.flags.str('image-pull-policy') || undefined,
  });
  if (!attach || opts.dryRun !== 'none') return createObject(inv, pod, opts.format, opts.dryRun).ok ? 0 : 1;

  const created = inv.api.create('pods', inv.namespace, forServer(pod), { fieldManager: 'kubectl-run' });
  if (!created.ok) {
    inv.err(statusErrorText(created.status));
    return 1;
  }
  const timeout = inv.flags.int('pod-running-timeout');
  const started = yield* wait(race([podStarted(inv, name), sleep(inv.host.clock, timeout)]));
  if (started.index === 1) {
    inv.err(plainError('timed out waiting for the condition'));
    return 1;
  }
  let code = 0;
  let tty = false;
  if (started.value === true) {
    tty = ttyWanted(inv, stdin, inv.flags.bool('tty'), inv.flags.bool('quiet'));
    if (!inv.flags.bool('quiet')) inv.err("If you don't see a command prompt, try pressing enter.\n");
    const connect = (stdio: Parameters<typeof inv.streams.attach>[3]) => inv.streams.attach(inv.namespace, name, name, stdio);
    const r = yield* runRemote(inv, connect, stdin, tty);
    if (!r.ok) {
      inv.err(streamErrorText(r.status));
      code = 1;
    } else code = r.code;
  }
  if (inv.flags.bool('rm')) {
    const del = inv.api.delete('pods', inv.namespace, name, {});
    if (del.ok) {
      inv.out(`pod "${name}" deleted\n`);
      yield* wait(untilGone(inv.api, 'pods', inv.namespace, name, del.value.metadata.uid));
    }
  } else if (started.value === true && stdin && tty && restart === 'Always' && !inv.flags.bool('quiet')) {
    // attach.go: only a container that will be restarted can be attached to again.
    inv.out(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
  }
  return code;
}

export const run: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  examples: '# Start a single nginx pod\nkubectl run nginx --image=nginx\n\n# An interactive busybox shell, deleted on exit\nkubectl run -it --rm box --image=busybox --restart=Never -- sh',
  flags: FLAGS,
  run: runRun,
};
