/**
 * Runtime state → PodStatus, as the kubelet's status manager would send it to the API server.
 * Models pkg/kubelet/kubelet_pods.go generateAPIPodStatus / convertToAPIContainerStatuses,
 * pkg/kubelet/prober/prober_manager.go UpdatePodStatus (ready/started) and
 * pkg/kubelet/status/status_manager.go TerminatePod (final defaults).
 */
import { rfc3339 } from '../api/objects.js';
import type { Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types.js';
import { podConditions } from './conditions.js';
import { getPhase, isSidecar } from './pod-phase.js';
import { qosClass } from './qos.js';
import { shouldRestart } from './restart-policy.js';
import type { ContainerRecord, InstanceRecord, ProbeView } from './runtime-view.js';

export interface StatusInput {
  pod: Pod;
  now: number;
  hostIP: string;
  podIP?: string;
  /** The sandbox exists and its network is up. */
  sandboxReady: boolean;
  startTime?: number;
  records: ReadonlyMap<string, ContainerRecord>;
  /** Probe verdicts for a running container. */
  probes(name: string): ProbeView;
  /** The pod is done: its phase must become Succeeded or Failed. */
  podIsTerminal: boolean;
  /** Last status of a finished pod: containers never seen to finish are reported as lost (TerminatePod). */
  finalize?: boolean;
  /** status.resize: an in-place resize the kubelet could not carry out. */
  resize?: string;
}

const EPOCH = '1970-01-01T00:00:00Z';

function terminatedState(inst: InstanceRecord): ContainerState {
  const e = inst.exit!;
  const t: NonNullable<ContainerState['terminated']> = { exitCode: e.exitCode, reason: e.reason };
  if (e.message) t.message = e.message;
  t.startedAt = inst.startedAt === undefined ? EPOCH : rfc3339(inst.startedAt);
  t.finishedAt = rfc3339(e.finishedAt);
  t.containerID = `containerd://${inst.id}`;
  return { terminated: t };
}

function instanceState(inst: InstanceRecord): ContainerState {
  if (inst.exit) return terminatedState(inst);
  if (inst.startedAt !== undefined) return { running: { startedAt: rfc3339(inst.startedAt) } };
  return { waiting: { reason: 'ContainerCreating' } };
}

function containerStatus(spec: Container, rec: ContainerRecord | undefined, input: StatusInput, init: boolean, ephemeral = false): ContainerStatus {
  const { pod } = input;
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const cur = rec?.current;
  const s: ContainerStatus = {
    name: spec.name,
    state: cur ? instanceState(cur) : { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } },
    lastState: rec?.previous?.exit ? terminatedState(rec.previous) : {},
    ready: false,
    restartCount: rec?.restartCount ?? 0,
    image: cur?.image ?? spec.image ?? '',
    imageID: cur?.imageId ?? '',
  };
  if (cur) s.containerID = `containerd://${cur.id}`;
  // A failed start (or a restart in back-off) shows as waiting, moving the last exit to lastState.
  const deleting = !!pod.metadata?.deletionTimestamp || input.podIsTerminal;
  const policy = ephemeral ? 'Never' : init && isSidecar(spec) ? 'Always' : init ? (pod.spec?.restartPolicy === 'Never' ? 'Never' : 'OnFailure') : pod.spec?.restartPolicy;
  if (rec?.waiting && shouldRestart(policy, cur?.exit?.exitCode, deleting) && !(cur && !cur.exit)) {
    if (s.state?.terminated) s.lastState = s.state;
    s.state = { waiting: { reason: rec.waiting.reason, message: rec.waiting.message } };
  }
  const running = !!s.state?.running;
  const pv = running ? input.probes(spec.name) : { started: false, ready: false };
  s.started = running && pv.started;
  if (ephemeral) s.ready = false;
  else if (init && !isSidecar(spec)) s.ready = s.state?.terminated?.exitCode === 0;
  else s.ready = running && pv.started && pv.ready;
  const mounts = spec.volumeMounts ?? [];
  if (mounts.length) {
    s.volumeMounts = mounts.map((m) => {
      const v: NonNullable<ContainerStatus['volumeMounts']>[number] = { name: m.name, mountPath: m.mountPath };
      if (m.readOnly) {
        v.readOnly = true;
        v.recursiveReadOnly = 'Disabled';
      }
      return v;
    });
  }
  // Field order of the Go struct, so JSON output reads like a real API server's.
  const ordered: ContainerStatus = { name: s.name, state: s.state, lastState: s.lastState, ready: s.ready, restartCount: s.restartCount, image: s.image, imageID: s.imageID };
  if (s.containerID) ordered.containerID = s.containerID;
  // The kubelet reports no startup state for ephemeral containers (they have no probes).
  if (!ephemeral) ordered.started = s.started;
  // A running container's allocation (convertContainerStatusResources): tracked only with InPlacePodVerticalScaling on.
  if (running && cur?.allocated) ordered.resources = structuredClone(cur.allocated);
  if (s.volumeMounts) ordered.volumeMounts = s.volumeMounts;
  return ordered;
}

const LOST = 'The container could not be located when the pod was terminated';

/** TerminatePod: whatever did not end visibly is reported as lost, exit 137. */
function finalizeStatus(s: ContainerStatus, init: boolean): void {
  if (s.state?.terminated) return;
  if (init && !s.lastState?.terminated && !s.state?.running) return;
  s.state = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: LOST } };
  s.ready = false;
  s.started = false;
}

export function generatePodStatus(input: StatusInput): PodStatus {
  const { pod, records } = input;
  const initSpecs = pod.spec?.initContainers ?? [];
  const init = initSpecs.map((c) => containerStatus(c, records.get(c.name), input, true));
  const regular = (pod.spec?.containers ?? []).map((c) => containerStatus(c, records.get(c.name), input, false)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (input.finalize) {
    init.forEach((s) => finalizeStatus(s, true));
    regular.forEach((s) => finalizeStatus(s, false));
  }
  let phase = getPhase(pod, init, regular, input.podIsTerminal);
  const oldPhase = pod.status?.phase;
  if (oldPhase === 'Succeeded' || oldPhase === 'Failed') phase = oldPhase;
  else if (input.finalize && phase !== 'Succeeded' && phase !== 'Failed') phase = 'Failed';
  const nowIso = rfc3339(input.now);
  const status: PodStatus = { phase, conditions: podConditions(pod, init, regular, phase, input.sandboxReady, nowIso) };
  if (phase === oldPhase) {
    if (pod.status?.reason) status.reason = pod.status.reason;
    if (pod.status?.message) status.message = pod.status.message;
  }
  status.hostIP = input.hostIP;
  status.hostIPs = [{ ip: input.hostIP }];
  const podIP = input.podIP ?? pod.status?.podIP;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  const start = pod.status?.startTime ?? (input.startTime !== undefined ? rfc3339(input.startTime) : undefined);
  if (start) status.startTime = start;
  if (init.length) status.initContainerStatuses = init;
  status.containerStatuses = regular;
  // The API server sets it at creation and it never changes (v1qos.GetPodQOS).
  status.qosClass = pod.status?.qosClass ?? qosClass(pod);
  const ephemeral = (pod.spec?.ephemeralContainers ?? []).map((c) => containerStatus(c as Container, records.get(c.name), input, false, true));
  if (input.finalize) ephemeral.forEach((s) => finalizeStatus(s, false));
  if (ephemeral.length) status.ephemeralContainerStatuses = ephemeral;
  if (input.resize) (status as { resize?: string }).resize = input.resize;
  return status;
}
