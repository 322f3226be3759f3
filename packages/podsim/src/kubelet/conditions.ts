/**
 * The five pod conditions the kubelet owns, in the order a 1.32 kubelet writes them.
 * Models pkg/kubelet/status/generate.go and the lastTransitionTime rule of
 * pkg/kubelet/status/status_manager.go updateLastTransitionTime.
 */
import type { ContainerStatus, Pod, PodCondition } from '../api/types.js';
import { hasAnyRegularContainerStarted, isSidecar, type PodPhase } from './pod-phase.js';

type Cond = { type: string; status: 'True' | 'False'; reason?: string; message?: string };

/** Go prints a []string as `[a b]`. */
const goList = (names: string[]) => `[${names.join(' ')}]`;

function terminal(type: string, phase: PodPhase): Cond {
  return { type, status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' };
}

function containersReady(pod: Pod, statuses: ContainerStatus[], phase: PodPhase): Cond {
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string) => {
    const s = statuses.find((x) => x.name === name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  for (const c of pod.spec?.initContainers ?? []) if (isSidecar(c)) check(c.name);
  for (const c of pod.spec?.containers ?? []) check(c.name);
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') return terminal('ContainersReady', phase);
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${goList(unready)}`);
  if (msgs.length) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

function initialized(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase): Cond {
  const specs = pod.spec?.initContainers ?? [];
  if (specs.length === 0) return { type: 'Initialized', status: 'True' };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of specs) {
    const s = init.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecar(c)) {
      if (!s.started) incomplete.push(c.name);
    } else if (!s.state?.terminated || s.state.terminated.exitCode !== 0) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (hasAnyRegularContainerStarted(pod, regular)) return { type: 'Initialized', status: 'True' };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (msgs.length) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

function ready(pod: Pod, cr: Cond, existing: PodCondition[]): Cond {
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const msgs: string[] = [];
  for (const g of pod.spec?.readinessGates ?? []) {
    const c = existing.find((x) => x.type === g.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: msgs.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/**
 * Kubelet-owned conditions followed by conditions others own (readiness gates' targets, DisruptionTarget…),
 * keeping each lastTransitionTime unless its status changed.
 */
export function podConditions(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase, sandboxReady: boolean, nowIso: string): PodCondition[] {
  const old = pod.status?.conditions ?? [];
  const all = [...init, ...regular];
  const cr = containersReady(pod, all, phase);
  const owned: Cond[] = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initialized(pod, init, regular, phase),
    ready(pod, cr, old),
    cr,
    { type: 'PodScheduled', status: 'True' },
  ];
  const out: PodCondition[] = owned.map((c) => {
    const prev = old.find((o) => o.type === c.type);
    const cond: PodCondition = { type: c.type, status: c.status, lastProbeTime: null as unknown as string, lastTransitionTime: prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : nowIso };
    if (c.reason) cond.reason = c.reason;
    if (c.message) cond.message = c.message;
    return cond;
  });
  for (const o of old) if (!owned.some((c) => c.type === o.type)) out.push(o);
  return out;
}
