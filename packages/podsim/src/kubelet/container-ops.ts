/**
 * Starting and stopping one container of a pod: crash-loop back-off check, image, environment and
 * mounts, create/start with their events, postStart; and the graceful kill (preStop, stop signal,
 * SIGKILL when the grace period runs out, at least 2 s).
 * Models pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer/killContainer and
 * kuberuntime_manager.go doBackOff.
 */
import type { Container, Pod, ResourceRequirements } from '../api/types.js';
import { parseQuantity } from '../api/quantity.js';
import { findImage } from '../images/index.js';
import type { DirNode } from '../kernel/fs.js';
import type { PidNamespace } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { race, sleep, wait, type Waitable } from '../kernel/waitable.js';
import { goDuration } from '../format/duration.js';
import type { ContainerConfig, MountSpec, PodSandbox, RuntimeContainer } from '../runtime/types.js';
import { expand, makeEnvironment } from './env.js';
import { runHook } from './hooks.js';
import { containerSecurity, runAsNonRootError } from './security-context.js';
import type { NodeContext } from './node-context.js';
import { containerHash, type ContainerRecord, type InstanceRecord } from './runtime-view.js';
import type { KubeletTask } from './task.js';

/** The parts of a pod worker the container operations read and update. */
export interface PodState {
  ctx: NodeContext;
  pod: Pod;
  sandbox: PodSandbox;
  volumes: Map<string, DirNode>;
  records: Map<string, ContainerRecord>;
  runtimes: Map<string, RuntimeContainer>;
  /** Spec of the container each running instance was created from (a change restarts it). */
  specs: Map<string, string>;
  emit(c: Container, init: boolean, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** A container started or exited: the kubelet notices on its next relist. */
  changed(): void;
  /** The pod is being torn down: starts still waiting (say, on a pull) are abandoned. */
  deleting(): boolean;
}

export type StartOutcome = { ok: true } | { ok: false; reason: string; message: string };

export function podFullName(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

/** getStableKey: pod, container and a hash of the container's spec. */
function backoffKey(pod: Pod, c: Container): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}_${pod.metadata?.uid}_${c.name}_${hash(JSON.stringify(c))}`;
}

/** The image's USER as the runtime's image status reports it ('' when the image names none). */
function imageUserOf(ref: string): string {
  const found = findImage(ref);
  return found.ok ? found.image.config.user : '';
}

export function recordOf(st: PodState, name: string): ContainerRecord {
  let r = st.records.get(name);
  if (!r) st.records.set(name, (r = { name, restartCount: 0 }));
  return r;
}

function mountsOf(st: PodState, c: Container): MountSpec[] {
  const out: MountSpec[] = [];
  for (const m of c.volumeMounts ?? []) {
    const volume = st.volumes.get(m.name);
    if (volume) out.push({ path: m.mountPath, volume, readOnly: !!m.readOnly, subPath: m.subPath || undefined });
  }
  return out;
}

/**
 * One start attempt. `killedNow`: the previous instance was killed earlier in this same sync, so the
 * back-off looks at the instance before it (the kubelet decides from the status it read first).
 */
export function* startContainer(st: PodState, c: Container, init: boolean, killedNow: boolean, joinPids?: PidNamespace): Generator<Waitable<unknown>, StartOutcome, unknown> {
  const { ctx, pod } = st;
  const rec = recordOf(st, c.name);
  const now = ctx.clock.now();
  const last = killedNow ? rec.previous : rec.current?.exit ? rec.current : rec.previous;
  if (last?.exit) {
    const key = backoffKey(pod, c);
    if (ctx.crashBackoff.isInBackOffSince(key, last.exit.finishedAt, now)) {
      st.emit(c, init, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podFullName(pod)}`);
      return { ok: false, reason: 'CrashLoopBackOff', message: `back-off ${goDuration(ctx.crashBackoff.get(key))} restarting failed container=${c.name} pod=${podFullName(pod)}` };
    }
    ctx.crashBackoff.next(key, last.exit.finishedAt, now);
  }
  const image = yield* wait(ctx.images.ensure(pod.metadata?.uid ?? '', c, (type, reason, message) => st.emit(c, init, type, reason, message)));
  if (!image.ok) {
    st.emit(c, init, 'Warning', 'Failed', `Error: ${image.reason}`);
    return { ok: false, reason: image.reason, message: image.message };
  }
  if (st.deleting()) return { ok: false, reason: 'ContainerCreating', message: '' };
  const podIP = st.sandbox.ip;
  const env = makeEnvironment(pod, c, { api: ctx.api, podIP, hostIP: ctx.hostIP, allocatable: ctx.allocatable });
  if (!env.ok) {
    st.emit(c, init, 'Warning', 'Failed', `Error: ${env.message}`);
    return { ok: false, reason: 'CreateContainerConfigError', message: env.message };
  }
  const nonRoot = runAsNonRootError(pod, c, imageUserOf(image.image), podFullName(pod));
  if (nonRoot) {
    st.emit(c, init, 'Warning', 'Failed', `Error: ${nonRoot}`);
    return { ok: false, reason: 'CreateContainerConfigError', message: nonRoot };
  }
  const cfg: ContainerConfig = {
    name: c.name,
    image: c.image ?? '',
    imageRef: image.image,
    command: c.command?.map((s) => expand(s, env.env)),
    args: c.args?.map((s) => expand(s, env.env)),
    env: env.env,
    workingDir: c.workingDir,
    mounts: mountsOf(st, c),
    ...cgroupLimits(pod, c.resources),
    tty: c.tty,
    stdin: c.stdin,
    terminationMessagePath: c.terminationMessagePath,
    terminationMessagePolicy: c.terminationMessagePolicy as ContainerConfig['terminationMessagePolicy'],
    joinPids,
    security: containerSecurity(pod, c),
  };
  const created = st.sandbox.createContainer(cfg);
  if (!created.ok) {
    st.emit(c, init, 'Warning', 'Failed', `Error: ${created.message}`);
    return { ok: false, reason: 'CreateContainerError', message: created.message };
  }
  const rt = created.container;
  const inst: InstanceRecord = { id: rt.id, image: image.image, imageId: image.imageId };
  // Regular containers are the resizable ones: their allocation is tracked (and shown) from their start.
  if (ctx.gates.enabled('InPlacePodVerticalScaling') && !init && (pod.spec?.containers ?? []).includes(c)) inst.allocated = structuredClone(c.resources ?? {});
  if (rec.current) {
    // Container GC keeps one dead instance per container (MaxPerPodContainer): the one before goes.
    if (rec.previous) st.runtimes.delete(rec.previous.id);
    rec.previous = rec.current;
    rec.restartCount++;
  }
  rec.current = inst;
  st.runtimes.set(rt.id, rt);
  st.specs.set(c.name, containerHash(c));
  st.emit(c, init, 'Normal', 'Created', `Created container ${c.name}`);
  const started = rt.start();
  if (!started.ok) {
    inst.exit = { exitCode: started.exitCode, reason: 'StartError', finishedAt: ctx.clock.now(), message: started.message };
    st.emit(c, init, 'Warning', 'Failed', `Error: ${started.message}`);
    st.changed();
    return { ok: false, reason: 'RunContainerError', message: started.message };
  }
  inst.startedAt = rt.startedAt ?? ctx.clock.now();
  rt.exited.subscribe((info) => {
    inst.exit = { exitCode: info.exitCode, reason: info.reason, finishedAt: info.finishedAt, message: info.message };
    st.changed();
  });
  st.emit(c, init, 'Normal', 'Started', `Started container ${c.name}`);
  st.changed();
  const postStart = c.lifecycle?.postStart;
  if (postStart && !inst.exit) {
    const r = yield* wait(runHook(postStart, hookContext(st, c, rt, 2 ** 31)));
    if (!r.ok) {
      st.emit(c, init, 'Warning', 'FailedPostStartHook', r.message);
      yield* killContainer(st, c, init, graceFor(pod), 'FailedPostStartHook');
      return { ok: false, reason: 'PostStartHookError', message: r.message };
    }
  }
  return { ok: true };
}

function hookContext(st: PodState, c: Container, rt: RuntimeContainer, timeoutMs: number) {
  return { clock: st.ctx.clock, network: st.ctx.network, container: c, runtime: rt, podIP: st.sandbox.ip, sourceIP: st.ctx.bridgeIP, podFull: podFullName(st.pod), timeoutMs };
}

/** setTerminationGracePeriod: the pod's deletion grace, else its spec (or the probe's own for probe kills). */
export function graceFor(pod: Pod, probe?: { terminationGracePeriodSeconds?: number }): number {
  if (pod.metadata?.deletionGracePeriodSeconds != null) return pod.metadata.deletionGracePeriodSeconds;
  if (probe?.terminationGracePeriodSeconds != null) return probe.terminationGracePeriodSeconds;
  return pod.spec?.terminationGracePeriodSeconds ?? 30;
}

/**
 * calculateEffectiveGracePeriod for a pod being deleted: a later, shorter deletion grace wins over
 * the one in force (`previous`), never a longer one; 0 (force) falls back to the spec.
 */
export function effectiveGracePeriod(previous: number | undefined, pod: Pod): number {
  let g = previous ?? 0;
  const d = pod.metadata?.deletionGracePeriodSeconds;
  if (d != null && (g === 0 || d < g)) g = d;
  if (g === 0) g = pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(g, 1);
}

const MIN_GRACE_SECONDS = 2;

/** Stops the running instance of `c`; `message` is the Killing event text (undefined: no event). */
export function* killContainer(st: PodState, c: Container, init: boolean, graceSeconds: number, message: string | undefined): KubeletTask {
  const inst = st.records.get(c.name)?.current;
  const rt = inst ? st.runtimes.get(inst.id) : undefined;
  if (!inst || inst.exit || !rt || !rt.running) return;
  const { clock } = st.ctx;
  if (message !== undefined) st.emit(c, init, 'Normal', 'Killing', message);
  let grace = graceSeconds;
  const preStop = c.lifecycle?.preStop;
  if (preStop && grace > 0) {
    const t0 = clock.now();
    const r = yield* wait(runHook(preStop, hookContext(st, c, rt, grace * 1000)));
    if (!r.ok) st.emit(c, init, 'Warning', 'FailedPreStopHook', r.message);
    grace -= Math.trunc((clock.now() - t0) / 1000);
  }
  if (grace < MIN_GRACE_SECONDS) grace = MIN_GRACE_SECONDS;
  if (!rt.running) return;
  rt.kill(rt.stopSignal);
  const r = yield* wait(race([rt.exited, sleep(clock, grace * 1000)]));
  if (r.index === 1 && rt.running) {
    rt.kill(SIGNALS.SIGKILL);
    yield* wait(rt.exited);
  }
}

type Limits = Record<string, unknown> | undefined;

/** The container's cgroup limits: its own, bounded by the pod-level ones (the pod cgroup above it). */
export function cgroupLimits(pod: Pod, resources: ResourceRequirements | undefined): { memoryLimitBytes?: number; cpuLimitCores?: number } {
  const own = resources?.limits as Limits;
  const podLevel = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources?.limits as Limits;
  const least = (r: string) => {
    const vs = [parseQuantity(own?.[r]), parseQuantity(podLevel?.[r])].filter((v): v is number => v !== undefined);
    return vs.length ? Math.min(...vs) : undefined;
  };
  return { memoryLimitBytes: least('memory'), cpuLimitCores: least('cpu') };
}
