/**
 * One pod on one node: a serialized sync loop that writes the pod's status, sets up volumes and the
 * sandbox, starts init containers then regular ones, restarts per policy with back-off, kills on
 * failed liveness/startup probes, and on deletion stops everything gracefully, writes the final
 * status and removes the pod object.
 * Models pkg/kubelet/pod_workers.go (serialized syncs, retry after errors), kubelet.go
 * SyncPod/SyncTerminatingPod/SyncTerminatedPod and kuberuntime_manager.go computePodActions.
 */
import { podHostname, sandboxNames } from './pod-hostname.js';
import type { TimerHandle } from '../clock/clock.js';
import type { Container, Pod } from '../api/types.js';
import type { DirNode } from '../kernel/fs.js';
import { Deferred, wait } from '../kernel/waitable.js';
import type { PodSandbox, RuntimeContainer } from '../runtime/types.js';
import { effectiveGracePeriod, graceFor, killContainer, podFullName, recordOf, startContainer, type PodState } from './container-ops.js';
import { PLEG_RELIST_MS, SYNC_RETRY_MS, type NodeContext } from './node-context.js';
import { computePodActions, type ContainerRuntimeState, type PodRuntimeStatus } from './pod-actions.js';
import { generatePodStatus } from './pod-status.js';
import { ProbeManager } from './probes/manager.js';
import type { ProbeKind, ProbeResult } from './probes/types.js';
import { containerHash, isRunning, type ContainerRecord } from './runtime-view.js';
import { ProjectionRefresh, type ProjectedKind } from './projection-refresh.js';
import { Random } from '../random/random.js';
import { runTask, type KubeletTask } from './task.js';
import { podDnsConfig } from './dns-config.js';
import { USERNS_LENGTH } from './userns.js';
import type { ResizeStatus } from './resize.js';
import { LazyPart } from '../lazy/part.js';
import resizePart from './resize.lazy.js';
import { buildVolumes, refreshVolumes, volumeUses, type VolumeContext } from './volumes.js';

/** In-place resize: only a cluster started with InPlacePodVerticalScaling on runs it. */
const RESIZE = new LazyPart('in-place-resize', resizePart);

type WorkerState = 'syncing' | 'finished' | 'terminating' | 'terminated';

export class PodWorker {
  pod: Pod;
  readonly uid: string;
  private readonly records = new Map<string, ContainerRecord>();
  private readonly runtimes = new Map<string, RuntimeContainer>();
  private readonly specs = new Map<string, string>();
  sandbox: PodSandbox | undefined;
  sandboxCreatedAt: number | undefined;
  private sandboxReady = false;
  private volumes: Map<string, DirNode> | undefined;
  readonly probes: ProbeManager;
  private probesStarted = false;
  private startTime: number | undefined;
  private state: WorkerState = 'syncing';
  /** The pod object is gone from the API (force delete): finish quietly. */
  private orphaned = false;
  private busy = false;
  private pending = false;
  private lastSyncEnd = -Infinity;
  private retry = false;
  private timer: TimerHandle | undefined;
  private dueAt = Infinity;
  private lastStatus = '';
  /** status.resize of the last in-place resize (InPlacePodVerticalScaling). */
  private resize: ResizeStatus = '';
  private gracePeriod: number | undefined;
  private readonly projections: ProjectionRefresh;
  /** Called once the pod is fully torn down. */
  onTerminated: (() => void) | undefined;

  constructor(
    private readonly ctx: NodeContext,
    pod: Pod,
    /** Runs from the node's manifest folder: its status goes to whichever mirror pod stands for it in the API. */
    readonly isStatic = false,
  ) {
    this.pod = pod;
    this.uid = pod.metadata?.uid ?? '';
    // Each pod's syncs keep their own jittered rhythm: drawn from its UID, not the node's shared generator.
    this.projections = new ProjectionRefresh(ctx.clock, new Random(parseInt(this.uid.replace(/-/g, '').slice(0, 8), 16) || 1), (kind, name) => {
      if (this.volumes && this.state === 'syncing') refreshVolumes(this.pod, this.volumes, kind, name, this.volumeContext());
    });
    this.probes = new ProbeManager(pod, {
      clock: ctx.clock,
      // The node's namespace is there before any pod: the kubelet serves on it from its start.
      network: ctx.network.namespaceOf(ctx.hostIP) ?? ctx.network,
      sourceIP: ctx.bridgeIP,
      podIP: () => this.sandbox?.ip,
      instance: (name) => {
        const cur = this.records.get(name)?.current;
        const rt = cur ? this.runtimes.get(cur.id) : undefined;
        return cur && rt && cur.startedAt !== undefined ? { id: cur.id, running: !cur.exit, startedAt: cur.startedAt, runtime: rt } : undefined;
      },
      deleting: () => this.state === 'terminating' || !!this.pod.metadata?.deletionTimestamp,
      unhealthy: (c, message) => this.emit(c, this.isInit(c.name), 'Warning', 'Unhealthy', message),
      changed: (_c, kind, result) => this.probeChanged(kind, result),
      attempted: (c, kind, result) =>
        ctx.probeAttempted?.({ namespace: this.pod.metadata?.namespace ?? '', pod: this.pod.metadata?.name ?? '', podUid: this.uid, container: c.name, kind, result }),
    });
  }

  get terminated(): boolean {
    return this.state === 'terminated';
  }

  /** What the kubelet keeps of each container's instances (crictl's view). */
  get containerRecords(): ReadonlyMap<string, ContainerRecord> {
    return this.records;
  }

  get isOrphaned(): boolean {
    return this.orphaned;
  }

  /** A newer version of the pod from the API. */
  update(p: Pod): void {
    const old = this.pod;
    // Our own status writes come back later through the watch; never step back to an older version.
    if (Number(p.metadata?.resourceVersion) < Number(old.metadata?.resourceVersion)) return;
    this.pod = p;
    if (this.orphaned) return;
    const deleting = !!p.metadata?.deletionTimestamp && !old.metadata?.deletionTimestamp;
    if (deleting || (p.spec !== old.spec && JSON.stringify(p.spec) !== JSON.stringify(old.spec))) this.schedule(0);
  }

  /** The pod object was removed (force delete): stop its containers without writing to the API. */
  orphan(): void {
    this.orphaned = true;
    this.schedule(0);
  }

  schedule(delayMs: number): void {
    if (this.state === 'terminated') return;
    const due = this.ctx.clock.now() + delayMs;
    if (this.timer && this.dueAt <= due) return;
    this.ctx.clock.cancel(this.timer);
    this.dueAt = due;
    this.timer = this.ctx.clock.setTimer(delayMs, () => {
      this.timer = undefined;
      this.dueAt = Infinity;
      this.kick();
    });
  }

  private kick(): void {
    if (this.busy) {
      this.pending = true;
      return;
    }
    // pod_workers waits for a runtime cache newer than the last sync's end (GetNewerThan): the next PLEG relist.
    const fresh = (Math.floor(this.lastSyncEnd / PLEG_RELIST_MS) + 1) * PLEG_RELIST_MS;
    if (this.ctx.clock.now() < fresh) {
      this.schedule(fresh - this.ctx.clock.now());
      return;
    }
    this.busy = true;
    this.retry = false;
    runTask(this.sync(), () => {
      this.busy = false;
      this.lastSyncEnd = this.ctx.clock.now();
      if (this.pending) {
        this.pending = false;
        this.schedule(0);
      } else if (this.retry) this.schedule(SYNC_RETRY_MS);
    });
  }

  /** Events name the pod by reference, so a force-deleted pod still gets them (e.g. Killing), as from the real kubelet. */
  private emit(c: Container | undefined, init: boolean, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const ephemeral = !!c && (this.pod.spec?.ephemeralContainers ?? []).some((e) => e.name === c.name);
    const fieldPath = c ? `spec.${init ? 'initContainers' : ephemeral ? 'ephemeralContainers' : 'containers'}{${c.name}}` : undefined;
    this.ctx.recorder.event(this.pod as never, type, reason, message, fieldPath);
  }

  private isInit(name: string): boolean {
    return (this.pod.spec?.initContainers ?? []).some((c) => c.name === name);
  }

  private probeChanged(kind: ProbeKind, result: ProbeResult): void {
    if (kind === 'readiness') this.writeStatus();
    else if (result === 'Success') {
      this.writeStatus();
      this.schedule(0);
    } else this.schedule(0);
  }

  /** Writes the status when it differs from the last one written. */
  writeStatus(terminal = false, finalize = false): void {
    if (this.orphaned) return;
    const status = generatePodStatus({
      pod: this.pod,
      now: this.ctx.clock.now(),
      hostIP: this.ctx.hostIP,
      // A hostNetwork pod has the node's address from its first status on (generateAPIPodStatus).
      podIP: this.pod.spec?.hostNetwork ? this.ctx.hostIP : this.sandbox?.ip,
      sandboxReady: this.sandboxReady,
      startTime: this.startTime,
      records: this.records,
      probes: (name) => {
        const id = this.records.get(name)?.current?.id;
        return id ? this.probes.view(name, id) : { started: false, ready: false };
      },
      podIsTerminal: terminal,
      finalize,
      resize: this.resize,
    });
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    const m = this.pod.metadata ?? {};
    // The status manager finds a static pod's mirror by name: the mirror has a UID of its own.
    const metadata = this.isStatic ? { name: m.name, namespace: m.namespace } : { name: m.name, namespace: m.namespace, uid: m.uid };
    const r = this.ctx.api.updateStatus('pods', m.namespace, { apiVersion: 'v1', kind: 'Pod', metadata, status });
    if (r.ok) {
      this.pod = this.isStatic ? { ...this.pod, status: (r.value as unknown as Pod).status } : (r.value as unknown as Pod);
      this.lastStatus = key;
    } else if (r.status.reason === 'NotFound' && !this.isStatic) this.orphaned = true;
  }

  /** A new mirror pod stands for this static pod: it gets the whole status again. */
  resendStatus(): void {
    this.lastStatus = '';
    this.writeStatus();
  }

  private volumeContext(): VolumeContext {
    const c = this.ctx;
    return { api: c.api, now: c.clock.now(), random: c.random, podIP: this.sandbox?.ip ?? '', hostIP: c.hostIP, allocatable: c.allocatable, nodeRoot: c.nodeRoot, claims: c.claims };
  }

  /** A ConfigMap or Secret changed: volumes showing it get the new data at the next periodic sync. */
  objectChanged(kind: ProjectedKind, name: string): void {
    if (!this.volumes || this.state !== 'syncing') return;
    if ((this.pod.spec?.volumes ?? []).some((v) => volumeUses(v, kind, name))) this.projections.changed(kind, name);
  }

  private podState(sandbox: PodSandbox, volumes: Map<string, DirNode>): PodState {
    return {
      ctx: this.ctx,
      pod: this.pod,
      sandbox,
      volumes,
      records: this.records,
      runtimes: this.runtimes,
      specs: this.specs,
      emit: (c, init, type, reason, message) => this.emit(c, init, type, reason, message),
      changed: () => this.schedule(PLEG_RELIST_MS),
      deleting: () => this.orphaned || !!this.pod.metadata?.deletionTimestamp,
    };
  }

  private *sync(): KubeletTask {
    if (this.state === 'terminated') return;
    if (this.orphaned || this.pod.metadata?.deletionTimestamp) {
      yield* this.terminate();
      return;
    }
    if (this.state === 'finished') return;
    this.startTime ??= this.ctx.clock.now();
    this.writeStatus();
    const phase = this.pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      yield* this.finish();
      return;
    }
    if (!this.volumes) {
      const v = buildVolumes(this.pod, this.volumeContext());
      if (!v.ok) {
        this.emit(undefined, false, 'Warning', 'FailedMount', v.message);
        this.retry = true;
        return;
      }
      this.volumes = v.dirs;
    }
    this.checkPullSecrets();
    if (!this.sandbox) {
      const m = this.pod.metadata ?? {};
      const spec = this.pod.spec;
      const { dns, warnings } = podDnsConfig({ namespace: m.namespace ?? 'default', dnsPolicy: spec?.dnsPolicy, hostNetwork: spec?.hostNetwork, dnsConfig: spec?.dnsConfig });
      for (const w of warnings) this.emit(undefined, false, 'Warning', 'DNSConfigForming', w);
      this.sandbox = this.ctx.runtime.createSandbox({
        podUid: this.uid,
        podName: m.name ?? '',
        namespace: m.namespace ?? 'default',
        ...sandboxNames(podHostname(this.pod, this.ctx.nodeName)),
        ip: spec?.hostNetwork ? this.ctx.hostIP : this.ctx.allocateIP(),
        hostNetwork: spec?.hostNetwork,
        shareProcessNamespace: !!this.pod.spec?.shareProcessNamespace,
        dns,
        // The API server keeps hostUsers only with UserNamespacesSupport on.
        ...(spec?.hostUsers === false ? { userns: { hostId: this.ctx.userns.allocate(this.uid), length: USERNS_LENGTH } } : {}),
        // On the node's network a container's port is the node's port already: no mapping.
        portMappings: (spec?.hostNetwork ? [] : (spec?.containers ?? [])).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort && (p.protocol ?? 'TCP') === 'TCP').map((p) => ({ hostIP: this.ctx.hostIP, hostPort: p.hostPort!, containerPort: p.containerPort }))),
      });
      this.sandboxReady = true;
      this.sandboxCreatedAt = this.ctx.clock.now();
      this.schedule(PLEG_RELIST_MS);
    }
    if (!this.probesStarted) {
      this.probesStarted = true;
      this.probes.start();
    }
    if (this.ctx.gates.enabled('InPlacePodVerticalScaling')) {
      this.resize = RESIZE.get().resizeRunning(this.pod, this.records, this.runtimes, this.ctx.allocatable);
      this.writeStatus();
    }
    yield* this.reconcile(this.podState(this.sandbox, this.volumes));
  }

  /** getPullSecretsForPod: each sync reads the pod's image pull secrets and warns of the ones missing. */
  private checkPullSecrets(): void {
    const ns = this.pod.metadata?.namespace ?? 'default';
    const missing = (this.pod.spec?.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((n) => n && !this.ctx.api.get('secrets', ns, n).ok);
    if (missing.length) this.emit(undefined, false, 'Warning', 'FailedToRetrieveImagePullSecret', `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`);
  }

  /** What the runtime reports, in the shape computePodActions reads. */
  private runtimeStatus(): PodRuntimeStatus {
    const containers = new Map<string, ContainerRuntimeState>();
    const spec = this.pod.spec;
    for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
      const cur = this.records.get(c.name)?.current;
      if (!cur) continue;
      if (cur.exit) {
        containers.set(c.name, { state: 'exited', exitCode: cur.exit.exitCode });
        continue;
      }
      const created = this.specs.get(c.name);
      containers.set(c.name, {
        state: 'running',
        specChanged: created !== undefined && created !== containerHash(c),
        probeFailed: this.probes.killReason(c.name, cur.id),
        started: this.probes.view(c.name, cur.id).started,
      });
    }
    return { sandbox: !!this.sandbox, containers };
  }

  /** The start/kill steps of kuberuntime SyncPod, carrying out computePodActions. */
  private *reconcile(st: PodState): KubeletTask {
    const actions = computePodActions(this.pod, this.runtimeStatus());
    if (actions.killPod) {
      yield* this.finish();
      return;
    }
    const byName = new Map([...(this.pod.spec?.initContainers ?? []), ...(this.pod.spec?.containers ?? [])].map((c) => [c.name, c]));
    const killed = new Set<string>();
    for (const k of actions.containersToKill) {
      const c = byName.get(k.name)!;
      const probe = k.reason === 'liveness' ? c.livenessProbe : k.reason === 'startup' ? c.startupProbe : undefined;
      yield* killContainer(st, c, k.init, graceFor(this.pod, probe), k.message);
      killed.add(k.name);
    }
    const toStart = [...actions.initContainersToStart.map((n): [string, boolean] => [n, true]), ...actions.containersToStart.map((n): [string, boolean] => [n, false])];
    // Ephemeral containers run once, whatever state the others are in (kuberuntime SyncPod step 6).
    for (const e of this.pod.spec?.ephemeralContainers ?? []) {
      if (this.records.get(e.name)?.current) continue;
      byName.set(e.name, e as Container);
      toStart.push([e.name, false]);
    }
    for (const [name, init] of toStart) {
      if (this.pod.metadata?.deletionTimestamp || this.orphaned) return;
      const c = byName.get(name)!;
      const target = (c as { targetContainerName?: string }).targetContainerName;
      const r = yield* startContainer(st, c, init, killed.has(name), target ? this.runningContainer(target)?.pids : undefined);
      const rec = recordOf(st, name);
      if (r.ok) rec.waiting = undefined;
      else {
        rec.waiting = { reason: r.reason, message: r.message };
        this.retry = true;
        if (init) break;
      }
    }
  }

  /** Kills what runs, regular containers first, then sidecars; `message(c)` is the Killing text. */
  private *killAll(graceSeconds: number, message: (c: Container) => string | undefined): KubeletTask {
    if (!this.sandbox || !this.volumes) return;
    const st = this.podState(this.sandbox, this.volumes);
    const groups = [(this.pod.spec?.containers ?? []).map((c): [Container, boolean] => [c, false]), (this.pod.spec?.initContainers ?? []).map((c): [Container, boolean] => [c, true]).reverse()];
    for (const group of groups) {
      const done: Deferred<void>[] = [];
      for (const [c, init] of group) {
        if (!isRunning(this.records.get(c.name))) continue;
        const d = new Deferred<void>();
        done.push(d);
        runTask(killContainer(st, c, init, graceSeconds, message(c)), () => d.resolve());
      }
      for (const d of done) yield* wait(d);
    }
  }

  private teardownSandbox(): void {
    this.probes.stop();
    this.projections.stop();
    if (!this.sandbox || !this.sandboxReady) return;
    this.sandbox.destroy();
    if (!this.pod.spec?.hostNetwork) this.ctx.releaseIP(this.sandbox.ip);
    this.ctx.userns.release(this.uid);
    this.sandboxReady = false;
  }

  /** The pod reached Succeeded/Failed on its own: stop leftovers (sidecars), keep the stopped sandbox's IP. */
  private *finish(): KubeletTask {
    this.state = 'finished';
    this.probes.stopLivenessAndStartup();
    yield* this.killAll(graceFor(this.pod), (c) => `Stopping container ${c.name}`);
    this.teardownSandbox();
    this.writeStatus(true);
  }

  private *terminate(): KubeletTask {
    this.state = 'terminating';
    this.writeStatus();
    this.probes.stopLivenessAndStartup();
    const grace = (this.gracePeriod = effectiveGracePeriod(this.gracePeriod, this.pod));
    yield* this.killAll(grace, (c) => `Stopping container ${c.name}`);
    this.teardownSandbox();
    this.writeStatus(true, true);
    if (!this.orphaned) {
      const m = this.pod.metadata ?? {};
      this.ctx.api.delete('pods', m.namespace, m.name ?? '', { gracePeriodSeconds: 0 });
    }
    this.state = 'terminated';
    this.ctx.images.forgetPod(this.uid);
    this.ctx.crashBackoff.forgetPrefix(`${this.pod.metadata?.name}_${this.pod.metadata?.namespace}_${this.uid}_`);
    this.onTerminated?.();
  }

  /** The id of a container's latest instance. */
  currentId(name: string): string | undefined {
    return this.records.get(name)?.current?.id;
  }

  /** The runtime of a container's latest instance while it has not exited. */
  runningContainer(name: string): RuntimeContainer | undefined {
    const cur = this.records.get(name)?.current;
    return cur && !cur.exit ? this.runtimes.get(cur.id) : undefined;
  }

  /** An instance the runtime still keeps (the current and the previous one of each container). */
  instance(id: string): RuntimeContainer | undefined {
    return this.runtimes.get(id);
  }

  /** `<pod>_<namespace>(<uid>)` for messages. */
  get fullName(): string {
    return podFullName(this.pod);
  }

  /** Whether a container name belongs to an init container (for stream error texts). */
  initContainer(name: string): boolean {
    return this.isInit(name);
  }
}
