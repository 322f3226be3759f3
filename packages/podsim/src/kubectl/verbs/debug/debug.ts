/**
 * `kubectl debug POD --image=IMG [-it] [--target=C] [-c NAME] [-- CMD…]`: adds an ephemeral container
 * through pods/ephemeralcontainers and attaches to it; `--copy-to=NEW` creates a copy of the pod
 * instead (with --set-image, --share-processes, --container, --replace, --same-node); `debug node/NAME`
 * starts a pod on the node in its host namespaces (node.ts).
 * Models kubectl pkg/cmd/debug/debug.go (Validate, debugByEphemeralContainer, debugByCopy, handleAttachPod).
 */
import { parse as parseYaml } from 'yaml';
import { strategicMerge } from '../../../api/patch/strategic.js';
import type { Pod } from '../../../api/types.js';
import { parseImageRef } from '../../../images/ref.js';
import { Deferred, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { readLocalFile } from '../../local-files.js';
import { readTargets } from '../../manifest-target.js';
import { attachSession, printContainerLogs } from '../attach/attach.js';
import { QUIET_FLAG, STDIN_FLAG, TTY_FLAG } from '../exec/exec.js';
import { FILENAME_FLAG } from '../get/get.js';
import { byNode } from './node.js';
import { applyProfile, PROFILES, type KeepFlags, type Profile } from './profiles.js';
import type { Any } from '../../../api/objects.js';

const bool = (name: string, dflt: boolean, help: string): FlagSpec => ({ name, type: 'bool', default: dflt, help });

const FLAGS: FlagSpec[] = [
  bool('arguments-only', false, 'Pass everything after -- as args to the container instead of as its command.'),
  bool('attach', false, 'Wait for the container to start and attach to it (default with -i).'),
  { name: 'container', short: 'c', type: 'string', help: 'Name of the debug container.' },
  { name: 'copy-to', type: 'string', help: 'Create a copy of the target pod with this name.' },
  { name: 'custom', type: 'string', help: 'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.' },
  { name: 'env', type: 'stringArray', default: [], help: 'Environment variables for the container (NAME=value).' },
  { ...FILENAME_FLAG, help: 'File naming the pod to debug.' },
  { name: 'image', type: 'string', help: 'Container image of the debug container.' },
  { name: 'image-pull-policy', type: 'string', help: "The container's image pull policy." },
  bool('keep-annotations', false, 'With --copy-to: keep the original pod annotations (general, baseline, restricted profiles).'),
  bool('keep-init-containers', true, 'With --copy-to: keep the init containers.'),
  bool('keep-labels', false, 'With --copy-to: keep the original pod labels.'),
  bool('keep-liveness', false, 'With --copy-to: keep liveness probes.'),
  bool('keep-readiness', false, 'With --copy-to: keep readiness probes.'),
  bool('keep-startup', false, 'With --copy-to: keep startup probes.'),
  { name: 'profile', type: 'string', default: 'legacy', help: 'Options for the debug container: legacy, general, baseline, netadmin, restricted or sysadmin.' },
  QUIET_FLAG,
  bool('replace', false, 'With --copy-to: delete the original pod.'),
  bool('same-node', false, 'With --copy-to: schedule the copy on the same node.'),
  { name: 'set-image', type: 'stringSlice', default: [], help: 'With --copy-to: container=image pairs to change ("*" for all).' },
  bool('share-processes', true, 'With --copy-to: turn on process namespace sharing in the copy.'),
  STDIN_FLAG,
  { name: 'target', type: 'string', help: "Share this container's process namespace (when the runtime supports it)." },
  TTY_FLAG,
];

const imageOk = (image: string) => parseImageRef(image).ok;

/** debug.go Validate, in its order; prints what it prints on the way. */
function validate(inv: Invocation, o: Options): string | undefined {
  const f = inv.flags;
  if (o.attach && f.has('attach') && !o.image && !f.str('container')) return 'you must specify --container or create a new container using --image in order to attach.';
  if (o.copyTo) {
    if (!o.image && o.setImages.size === 0 && o.args.length === 0) return 'you must specify --image, --set-image or command arguments.';
    if (o.args.length > 0 && !f.str('container') && !o.image) return 'you must specify an existing container or a new image when specifying args.';
  } else if (f.bool('replace')) return '--replace may only be used with --copy-to.';
  else if (f.bool('same-node')) return '--same-node may only be used with --copy-to.';
  else if (o.setImages.size > 0) return '--set-image may only be used with --copy-to.';
  else if (!o.image) return 'you must specify --image when not using --copy-to.';
  if (o.image && !imageOk(o.image)) return `invalid image name ${JSON.stringify(o.image)}: invalid reference format`;
  if (o.names.length === 0 && f.list('filename').length === 0) return 'NAME or filename is required for debug';
  const policy = f.str('image-pull-policy');
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(policy)) return `invalid image pull policy: ${policy}`;
  for (const [name, image] of o.setImages) if (!imageOk(image)) return `invalid image name ${JSON.stringify(image)} for container ${JSON.stringify(name)}: invalid reference format`;
  const target = f.str('target');
  if (target) {
    if (o.copyTo) return '--target is incompatible with --copy-to. Use --share-processes instead.';
    if (!o.quiet) inv.out(`Targeting container ${JSON.stringify(target)}. If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (f.bool('tty') && !f.bool('stdin')) return '-i/--stdin is required for containers with -t/--tty=true';
  const c = o.custom;
  if (c && (c.name || c.command?.length || c.image || c.lifecycle || c.volumeDevices?.length)) return 'name, command, image, lifecycle and volume devices are not modifiable via custom profile';
  if (o.profile === 'legacy') inv.err('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  return undefined;
}

interface Options {
  names: string[];
  args: string[];
  image: string;
  copyTo: string;
  attach: boolean;
  quiet: boolean;
  profile: Profile;
  setImages: Map<string, string>;
  keep: KeepFlags;
  /** --custom: a partial container spec merged into the debug container after the profile. */
  custom?: Any;
}

/** The --custom file, read as debug.go Complete does (JSON, else YAML); a string is kubectl's error. */
function customProfile(inv: Invocation): Any | string | undefined {
  const file = inv.flags.str('custom');
  if (!file) return undefined;
  const read = readLocalFile(inv, file);
  if (!read.ok) return `must pass a container spec json file for custom profile: ${read.error}`;
  let parsed: unknown;
  try {
    parsed = parseYaml(read.text);
  } catch (e) {
    return `${file} does not contain a valid container spec: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return `${file} does not contain a valid container spec: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed === 'string' ? 'string' : 'number'} into Go value of type v1.Container`;
  return parsed as Any;
}

/** applyCustomProfile: the custom spec strategic-merged into the container, its name kept. */
function customize(c: Any, custom: Any | undefined): void {
  if (!custom) return;
  const merged = strategicMerge(c, { ...custom, name: c.name }, 'Container') as Any;
  for (const k of Object.keys(c)) delete c[k];
  Object.assign(c, merged);
}

function options(inv: Invocation): Options | string {
  const f = inv.flags;
  const dash = inv.argsLenAtDash;
  const names = dash >= 0 ? inv.args.slice(0, dash) : inv.args.slice(0, 1);
  const args = dash >= 0 ? inv.args.slice(dash) : inv.args.slice(1);
  const profile = f.str('profile') as Profile;
  if (!PROFILES.includes(profile)) return `unknown profile: ${profile}`;
  const setImages = new Map<string, string>();
  for (const pair of f.list('set-image')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `unexpected argument for --set-image: ${pair}`;
    setImages.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const custom = customProfile(inv);
  if (typeof custom === 'string') return custom;
  const keep = { labels: f.bool('keep-labels'), annotations: f.bool('keep-annotations'), liveness: f.bool('keep-liveness'), readiness: f.bool('keep-readiness'), startup: f.bool('keep-startup'), initContainers: f.bool('keep-init-containers') };
  return { names, args, image: f.str('image'), copyTo: f.str('copy-to'), attach: f.has('attach') ? f.bool('attach') : f.bool('stdin'), quiet: f.bool('quiet'), profile, setImages, keep, custom };
}

function envOf(inv: Invocation): Any[] | undefined {
  const env = inv.flags.list('env').map((e) => ({ name: e.slice(0, Math.max(0, e.indexOf('='))) || e, value: e.includes('=') ? e.slice(e.indexOf('=') + 1) : '' }));
  return env.length > 0 ? env : undefined;
}

/** The container the command fills in: name, image, command, terminal flags (generateDebugContainer / generatePodCopyWithDebugContainer). */
function fill(inv: Invocation, o: Options, c: Any): void {
  if (o.args.length > 0) {
    if (inv.flags.bool('arguments-only')) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  const env = envOf(inv);
  if (env) c.env = env;
  if (o.image) c.image = o.image;
  const policy = inv.flags.str('image-pull-policy');
  if (policy) c.imagePullPolicy = policy;
  c.stdin = inv.flags.bool('stdin') || undefined;
  c.tty = inv.flags.bool('tty') || undefined;
}

function allNames(spec: Any): Set<string> {
  return new Set([...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].map((c: Any) => c.name));
}

/** computeDebugContainerName: -c, else a fresh `debugger-xxxxx` (announced). */
function debugName(inv: Invocation, o: Options, spec: Any): string {
  const given = inv.flags.str('container');
  if (given) return given;
  const taken = allNames(spec);
  let name = '';
  while (!name || taken.has(name)) name = `debugger-${inv.host.random.nameSuffix()}`;
  if (!o.quiet) inv.out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

function byEphemeral(inv: Invocation, o: Options, pod: Pod): { pod: Pod; container: string } | undefined {
  const spec = structuredClone(pod.spec ?? { containers: [] }) as Any;
  const name = debugName(inv, o, spec);
  const ec: Any = { name, terminationMessagePolicy: 'File' };
  fill(inv, o, ec);
  const target = inv.flags.str('target');
  if (target) ec.targetContainerName = target;
  applyProfile(o.profile, { metadata: {}, spec }, ec, false, o.keep);
  customize(ec, o.custom);
  // kubectl sends the two-way merge patch of the pod keyed by container name: a name already among the
  // ephemeral containers compares equal to its first holder, so nothing is sent for it.
  const known = (pod.spec?.ephemeralContainers ?? []).some((c) => c.name === name);
  const r = inv.api.patch('pods/ephemeralcontainers', pod.metadata?.namespace, pod.metadata?.name ?? '', 'strategic', known ? {} : { spec: { ephemeralContainers: [ec] } });
  if (!r.ok) {
    const s = r.status;
    inv.err(s.reason === 'NotFound' && !s.details?.name ? plainError(`ephemeral containers are disabled for this cluster (error from server: ${JSON.stringify(s.message ?? '')})`) : statusErrorText(s));
    return undefined;
  }
  return { pod: r.value as unknown as Pod, container: name };
}

function byCopy(inv: Invocation, o: Options, pod: Pod): { pod: Pod; container: string } | undefined {
  const m = pod.metadata ?? {};
  const copied: Any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: o.copyTo, namespace: m.namespace, annotations: m.annotations, labels: m.labels }, spec: structuredClone(pod.spec) };
  const spec = copied.spec;
  delete spec.ephemeralContainers;
  if (inv.flags.has('share-processes')) spec.shareProcessNamespace = inv.flags.bool('share-processes');
  if (!inv.flags.bool('same-node')) delete spec.nodeName;
  for (const c of spec.containers ?? []) {
    const image = o.setImages.get(c.name) ?? o.setImages.get('*');
    if (image) c.image = image;
  }
  const given = inv.flags.str('container');
  let c = (spec.containers ?? []).find((x: Any) => x.name === given) ?? (spec.initContainers ?? []).find((x: Any) => x.name === given);
  let container = '';
  if (!c && !o.image && o.setImages.size === 0) {
    inv.err(plainError('you must specify image when creating new container'));
    return undefined;
  }
  if (c || o.image) {
    if (!c) {
      c = { name: debugName(inv, o, spec), terminationMessagePolicy: 'File' };
      spec.containers.push(c);
    }
    fill(inv, o, c);
    applyProfile(o.profile, copied, c, true, o.keep);
    customize(c, o.custom);
    container = c.name;
  }
  const r = inv.api.create('pods', m.namespace, copied);
  if (!r.ok) {
    inv.err(statusErrorText(r.status));
    return undefined;
  }
  // debugByCopy deletes the original only once the copy exists.
  if (inv.flags.bool('replace')) {
    const del = inv.api.delete('pods', m.namespace, m.name ?? '', { gracePeriodSeconds: 0 });
    if (!del.ok) {
      inv.err(statusErrorText(del.status));
      return undefined;
    }
  }
  return { pod: r.value as unknown as Pod, container };
}

type Status = { name: string; state?: { running?: unknown; terminated?: unknown; waiting?: { message?: string } } };

function statusOf(pod: Pod, name: string): Status | undefined {
  const st = pod.status ?? {};
  return [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((s) => s.name === name) as Status | undefined;
}

/** waitForContainer: the pod once the container runs or has ended; waiting messages become warnings. */
function containerStarted(inv: Invocation, o: Options, ns: string, podName: string, container: string): Deferred<Pod | undefined> {
  const d = new Deferred<Pod | undefined>();
  const check = (pod: Pod) => {
    const s = statusOf(pod, container);
    if (s?.state?.running || s?.state?.terminated) d.resolve(pod);
    else if (!o.quiet && s?.state?.waiting?.message) inv.err(`Warning: container ${container}: ${s.state.waiting.message}\n`);
  };
  const got = inv.api.get('pods', ns, podName);
  if (got.ok) check(got.value as unknown as Pod);
  if (d.isSettled) return d;
  const stop = inv.api.watch('pods', ns, (ev) => {
    if (ev.object.metadata.name !== podName) return;
    if (ev.type === 'DELETED') d.resolve(undefined);
    else check(ev.object as unknown as Pod);
  });
  d.subscribe(() => stop());
  return d;
}

function* attachTo(inv: Invocation, o: Options, created: { pod: Pod; container: string }) {
  const ns = created.pod.metadata?.namespace ?? inv.namespace;
  const name = created.pod.metadata?.name ?? '';
  const pod = yield* wait(containerStarted(inv, o, ns, name, created.container));
  if (!pod) {
    inv.err(plainError('pods "" not found'));
    return 1;
  }
  const spec = pod.spec ?? { containers: [] };
  const ephemeral = (spec.ephemeralContainers ?? []).find((c) => c.name === created.container);
  const c = ephemeral ?? [...spec.containers, ...(spec.initContainers ?? [])].find((x) => x.name === created.container);
  if (!c) return 1;
  // debug.go handleAttachPod: a container that has already ended is not attached to; its logs are printed.
  if (statusOf(pod, c.name)?.state?.terminated) {
    printContainerLogs(inv, ns, name, c.name);
    return 0;
  }
  const opts = { stdin: inv.flags.bool('stdin'), tty: inv.flags.bool('tty'), quiet: o.quiet, commandName: 'kubectl attach', logsOnFailure: true };
  return yield* attachSession(inv, pod, { c, ephemeral: !!ephemeral }, opts);
}

function* runDebug(inv: Invocation) {
  const o = options(inv);
  if (typeof o === 'string') {
    inv.err(plainError(o));
    return 1;
  }
  const problem = validate(inv, o);
  if (problem) {
    inv.err(plainError(problem));
    return 1;
  }
  const pods: Pod[] = [];
  const files = inv.flags.list('filename');
  if (files.length > 0) {
    const read = yield* readTargets(inv, files, 'describe');
    if (!read) return 1;
    for (const t of read.targets) {
      const got = inv.api.get(t.info.resource, t.namespace, t.name);
      if (!got.ok) {
        inv.err(statusErrorText(got.status));
        return 1;
      }
      pods.push(got.value as unknown as Pod);
    }
  }
  for (const ref of o.names) {
    const slash = ref.indexOf('/');
    const [type, name] = slash < 0 ? ['pods', ref] : [ref.slice(0, slash), ref.slice(slash + 1)];
    if (['nodes', 'node', 'no'].includes(type)) {
      const created = byNode(inv, name, o.profile, { fill: (c) => fill(inv, o, c), customize: (c) => customize(c, o.custom) }, o.quiet);
      if (!created) return 1;
      const code = o.attach ? yield* attachTo(inv, o, created) : 0;
      if (code !== 0) return code;
      continue;
    }
    if (!['pods', 'pod', 'po'].includes(type)) {
      inv.err(plainError(`debugging ${type} is not available in this sandbox: debug a pod`));
      return 1;
    }
    const got = inv.api.get('pods', inv.namespace, name);
    if (!got.ok) {
      inv.err(statusErrorText(got.status));
      return 1;
    }
    pods.push(got.value as unknown as Pod);
  }
  for (const pod of pods) {
    const created = o.copyTo ? byCopy(inv, o, pod) : byEphemeral(inv, o, pod);
    if (!created) return 1;
    if (o.attach && created.container) {
      const code = yield* attachTo(inv, o, created);
      if (code !== 0) return code;
    }
  }
  return 0;
}

export const debug: Command = {
  name: 'debug',
  short: 'Create debugging sessions for troubleshooting workloads and nodes',
  usage: 'debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
  examples:
    '# A busybox shell next to the containers of mypod\nkubectl debug mypod -it --image=busybox\n\n# Seeing the processes of container app\nkubectl debug mypod -it --image=busybox --target=app\n\n# A copy of mypod with an added debugging container\nkubectl debug mypod -it --image=busybox --copy-to=my-debugger\n\n# A copy of mypod with every image changed\nkubectl debug mypod --copy-to=my-debugger --set-image=*=busybox',
  flags: FLAGS,
  run: runDebug,
};
