/**
 * `kubectl run NAME --image=IMAGE [--restart] [--port] [--env] [--labels] [--command] [-it --rm]
 * [-- args…]`: creates one pod; with -i/--attach waits for it to run, connects to it and (with --rm)
 * deletes it afterwards. Models kubectl pkg/cmd/run/run.go.
 */
import type { Pod } from '../../../api/types.js';
import { parseImageRef } from '../../../images/ref.js';
import { Deferred, race, sleep, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { DRY_RUN_FLAG, parseDryRun, type DryRun } from '../../dry-run.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { forServer, podFor as podObject } from '../../generators.js';
import { parseOutputFormat, type OutputFormat } from '../../output.js';
import { runRemote, ttyWanted } from '../../remote-session.js';
import { untilGone } from '../../wait-gone.js';
import { failed, runSteps, type Completed, type VerbSteps } from '../../steps.js';
import { fallBackToLogs, printContainerLogs } from '../attach/attach.js';
import { podRunningTimeout, QUIET_FLAG, STDIN_FLAG, TTY_FLAG } from '../exec/exec.js';
import { OVERRIDE_FLAGS, withOverrides } from './overrides.js';

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
  ...OVERRIDE_FLAGS,
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'How long to wait for the pod to be running.' },
  { name: 'port', type: 'string', help: 'The port the container exposes.' },
  QUIET_FLAG,
  { name: 'restart', type: 'string', default: 'Always', help: 'The restart policy: Always, OnFailure or Never.' },
  { name: 'rm', type: 'bool', default: false, help: 'Delete the pod after the attached session ends.' },
  STDIN_FLAG,
  TTY_FLAG,
];

/** A flag value read in complete, or the error validate reports for it in kubectl's order. */
type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What `kubectl run` was asked to do (upstream RunOptions plus the pod generator's parameters). */
export interface RunOptions {
  commandPath: string;
  /** Empty when no NAME was given. */
  name: string;
  image: string;
  namespace: string | undefined;
  restart: string;
  imagePullPolicy: string;
  command: boolean;
  args: string[];
  env: Parsed<Record<string, string>>;
  labels: Parsed<Record<string, string>>;
  port: Parsed<number | undefined>;
  podRunningTimeout: Parsed<number>;
  dryRun: DryRun;
  format: OutputFormat | undefined;
  /** --attach, which -i turns on unless --attach is given. */
  attach: boolean;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  rm: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
/** validation.IsEnvVarName. */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** generate.ParseLabels: `k=v,k2=v2`. */
function parseLabels(spec: string): Parsed<Record<string, string>> {
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) return { ok: false, message: `unexpected label spec: ${item}` };
    if (kv[0] === '') return { ok: false, message: 'unexpected empty label key' };
    labels[kv[0]] = kv[1];
  }
  return { ok: true, value: labels };
}

/** run.go parseEnvs: `NAME=value`, NAME a valid variable name. */
function parseEnv(items: string[]): Parsed<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0 || !ENV_NAME.test(item.slice(0, eq))) return { ok: false, message: `invalid env: ${item}` };
    env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return { ok: true, value: env };
}

function parsePort(text: string): Parsed<number | undefined> {
  if (text === '') return { ok: true, value: undefined };
  return /^[+-]?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
}

function complete(inv: Invocation): Completed<RunOptions> {
  // cobra checks the required flag before kubectl's Complete runs.
  if (!inv.flags.str('image')) return failed(plainError('required flag(s) "image" not set'));
  const dry = parseDryRun(inv.flags.str('dry-run'));
  if (!dry.ok) return failed(plainError(dry.message));
  const out = parseOutputFormat(inv.flags.str('output'), false);
  if (!out.ok) return failed(plainError(out.message));
  const name = inv.args[0] ?? '';
  const stdin = inv.flags.bool('stdin');
  const timeout = podRunningTimeout(inv);
  const labels = inv.flags.str('labels');
  return {
    ok: true,
    options: {
      commandPath: inv.commandPath,
      name,
      image: inv.flags.str('image'),
      namespace: inv.namespaceExplicit ? inv.namespace : undefined,
      restart: inv.flags.str('restart'),
      imagePullPolicy: inv.flags.str('image-pull-policy'),
      command: inv.flags.bool('command'),
      args: inv.args.slice(1),
      env: parseEnv(inv.flags.list('env')),
      labels: labels ? parseLabels(labels) : { ok: true, value: { run: name } },
      port: parsePort(inv.flags.str('port')),
      podRunningTimeout: timeout.ok ? { ok: true, value: timeout.ms } : timeout,
      dryRun: dry.dryRun,
      format: out.format,
      attach: inv.flags.has('attach') ? inv.flags.bool('attach') : stdin,
      stdin,
      tty: inv.flags.bool('tty'),
      quiet: inv.flags.bool('quiet'),
      rm: inv.flags.bool('rm'),
    },
  };
}

/** run.go Run's checks in its order, then the pod generator's (env, labels, port). */
function validate(o: RunOptions): string | undefined {
  const usage = (message: string) => usageError(o.commandPath, message);
  if (!o.name) return usage('NAME is required for run');
  if (!o.podRunningTimeout.ok) return usage(o.podRunningTimeout.message);
  if (!parseImageRef(o.image).ok) return plainError(`Invalid image name ${JSON.stringify(o.image)}: invalid reference format`);
  if (o.tty && !o.stdin) return usage('-i/--stdin is required for containers with -t/--tty=true');
  if (!RESTART_POLICIES.includes(o.restart)) return usage(`invalid restart policy: ${o.restart}`);
  if (o.rm && !o.attach) return usage('--rm should only be used for attached containers');
  if (o.attach && o.dryRun !== 'none') return usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (o.imagePullPolicy && !PULL_POLICIES.includes(o.imagePullPolicy)) return usage(`invalid image pull policy: ${o.imagePullPolicy}`);
  for (const p of [o.env, o.labels, o.port]) if (!p.ok) return plainError(p.message);
  return undefined;
}

/** Settles with the pod as it was when its phase became one of `phases` (the stored object moves on). */
function podReaches(inv: Invocation, name: string, phases: readonly string[]): Deferred<Pod> {
  const d = new Deferred<Pod>();
  const check = (pod: Pod | undefined) => {
    if (pod && phases.includes(pod.status?.phase ?? '')) d.resolve(structuredClone(pod));
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

/**
 * run.go after the session: a pod that will not be restarted is waited for, and its end decides the
 * exit status; a failed container's code comes back with `pod NS/NAME terminated (REASON)` as CheckErr
 * prints an exit error (no `error: ` prefix).
 */
function exitOf(pod: Pod): { code: number; text: string } {
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  if (pod.status?.phase === 'Succeeded') return { code: 0, text: '' };
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  if (!terminated?.exitCode) return { code: 1, text: plainError(`pod ${ns}/${name} failed with unknown exit code`) };
  return { code: terminated.exitCode, text: `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`.replace(/\n?$/, '\n') };
}

function* runPod(inv: Invocation, o: RunOptions) {
  const generated = podObject({
    name: o.name,
    image: o.image,
    namespace: o.namespace,
    labels: o.labels.ok ? o.labels.value : {},
    env: Object.entries(o.env.ok ? o.env.value : {}).map(([n, value]) => ({ name: n, value })),
    port: o.port.ok ? o.port.value : undefined,
    command: o.command,
    args: o.args,
    restart: o.restart,
    stdin: o.stdin,
    tty: o.tty,
    imagePullPolicy: o.imagePullPolicy || undefined,
  });
  const overridden = withOverrides(generated, inv.flags.str('overrides'), inv.flags.str('override-type'));
  if (!overridden.ok) {
    inv.err(plainError(overridden.message));
    return 1;
  }
  const pod = overridden.pod;
  if (!o.attach || o.dryRun !== 'none') return createObject(inv, pod, o.format, o.dryRun).ok ? 0 : 1;

  const name = o.name;
  const created = inv.api.create('pods', inv.namespace, forServer(pod), { fieldManager: 'kubectl-run' });
  if (!created.ok) {
    inv.err(statusErrorText(created.status));
    return 1;
  }
  const timeout = o.podRunningTimeout.ok ? o.podRunningTimeout.value : 0;
  const started = yield* wait(race([podReaches(inv, name, ['Running', 'Succeeded', 'Failed']), sleep(inv.host.clock, timeout)]));
  const running = started.index === 0 && (started.value as Pod).status?.phase === 'Running';
  if (started.index === 1) {
    inv.err(plainError('timed out waiting for the condition'));
    return 1;
  }
  let code = 0;
  let tty = false;
  if (running) {
    tty = ttyWanted(inv, o.stdin, o.tty, o.quiet);
    if (!o.quiet) inv.err("If you don't see a command prompt, try pressing enter.\n");
    const connect = (stdio: Parameters<typeof inv.streams.attach>[3]) => inv.streams.attach(inv.namespace, name, name, stdio);
    const r = yield* runRemote(inv, connect, o.stdin, tty);
    if (!r.ok) fallBackToLogs(inv, inv.namespace, name, name, r.status);
  } else {
    // run.go handleAttachPod: a pod that has already ended is not attached to; its logs are printed instead.
    printContainerLogs(inv, inv.namespace, name, name);
  }
  let ending = '';
  if (o.restart !== 'Always') {
    const ended = yield* wait(race([podReaches(inv, name, o.restart === 'Never' ? ['Succeeded', 'Failed'] : ['Succeeded']), sleep(inv.host.clock, timeout)]));
    const exit = ended.index === 1 ? { code: 1, text: plainError('timed out waiting for the condition') } : exitOf(ended.value as Pod);
    code = exit.code;
    ending = exit.text;
  }
  if (o.rm) {
    const del = inv.api.delete('pods', inv.namespace, name, {});
    if (del.ok) {
      inv.out(`pod "${name}" deleted\n`);
      yield* wait(untilGone(inv.api, 'pods', inv.namespace, name, del.value.metadata.uid));
    }
  } else if (running && o.stdin && tty && o.restart === 'Always' && !o.quiet) {
    // attach.go: only a container that will be restarted can be attached to again.
    inv.out(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
  }
  if (ending) inv.err(ending);
  return code;
}

export const RUN_STEPS: VerbSteps<RunOptions> = { complete, validate, run: runPod };

export const run: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  examples: '# Start a single nginx pod\nkubectl run nginx --image=nginx\n\n# An interactive busybox shell, deleted on exit\nkubectl run -it --rm box --image=busybox --restart=Never -- sh',
  flags: FLAGS,
  run: runSteps(RUN_STEPS),
};
