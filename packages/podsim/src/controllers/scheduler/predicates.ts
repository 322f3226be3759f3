/**
 * The scheduler's filters, in the default profile's plugin order (k8s pkg/scheduler/framework/
 * plugins): NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit.
 * A node stops at its first failing plugin; the reasons are the plugins' own texts.
 * `resolvable` says whether preempting pods could help (resources, ports) or not.
 */
import type { Node, Pod } from '../../api/types.js';
import type { NodeSelectorRequirement, NodeSelectorTerm, Taint, Toleration } from 'kubernetes-types/core/v1';
import { bytes, milliCpu, parseQuantity } from './quantity.js';

export interface Requests {
  milliCpu: number;
  memory: number;
  /** Extended (scalar) resources such as example.com/dongle, counted in whole units; absent when none. */
  extended?: Record<string, number>;
}

/** Names NodeResourcesFit checks by their own rule or not at all; any other requested name is a scalar resource. */
const NON_SCALAR = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

export interface NodeUsage {
  requested: Requests;
  pods: number;
  hostPorts: Set<string>;
}

export type FilterResult = { fits: true } | { fits: false; reasons: string[]; resolvable: boolean };

const NOT_READY_TAINT: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };

/** Sum of the containers' requests, or the largest init container's if larger (computePodResourceRequest). */
export function podRequests(pod: Pod): Requests {
  const sum = (cs: { resources?: { requests?: Record<string, string> } }[] | undefined) =>
    (cs ?? []).reduce<Requests>(
      (acc, c) => ({ milliCpu: acc.milliCpu + milliCpu(c.resources?.requests?.cpu), memory: acc.memory + bytes(c.resources?.requests?.memory) }),
      { milliCpu: 0, memory: 0 },
    );
  const main = sum(pod.spec?.containers);
  const extended = scalarSum(pod.spec?.containers);
  for (const init of pod.spec?.initContainers ?? []) {
    const r = sum([init]);
    main.milliCpu = Math.max(main.milliCpu, r.milliCpu);
    main.memory = Math.max(main.memory, r.memory);
    for (const [name, n] of Object.entries(scalarSum([init]))) extended[name] = Math.max(extended[name] ?? 0, n);
  }
  if (Object.keys(extended).length > 0) main.extended = extended;
  return main;
}

function scalarSum(cs: { resources?: { requests?: Record<string, string> } }[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cs ?? []) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      if (!NON_SCALAR.has(name)) out[name] = (out[name] ?? 0) + bytes(q);
    }
  }
  return out;
}

/** Adds a pod's extended requests to a node's running total. */
export function addExtended(total: Requests, add: Requests): void {
  if (!add.extended) return;
  total.extended ??= {};
  for (const [name, n] of Object.entries(add.extended)) total.extended[name] = (total.extended[name] ?? 0) + n;
}

export function hostPortsOf(pod: Pod): string[] {
  return (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`));
}

export function isNodeReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

/** v1helper.TolerationsTolerateTaint. */
export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === 'Exists';
    if (t.key !== taint.key) return false;
    if (t.operator === 'Exists') return true;
    return (t.value ?? '') === (taint.value ?? '');
  });
}

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (req.operator) {
    case 'In':
      return value !== undefined && (req.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(req.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const v = Number(value);
      const bound = Number(req.values?.[0]);
      if (value === undefined || !Number.isInteger(v) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? v > bound : v < bound;
    }
    default:
      return false;
  }
}

export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return (
    exprs.every((r) => requirementMatches(r, node.metadata?.labels?.[r.key])) &&
    fields.every((r) => requirementMatches(r, r.key === 'metadata.name' ? node.metadata?.name : undefined))
  );
}

/** nodeSelector and required node affinity (terms ORed, requirements ANDed). */
export function matchesNodeSelection(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  if (!Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t) => termMatches(t, node));
}

function effectiveTaints(node: Node): Taint[] {
  const taints = node.spec?.taints ?? [];
  if (isNodeReady(node) || taints.some((t) => t.key === NOT_READY_TAINT.key)) return taints;
  return [...taints, NOT_READY_TAINT];
}

export function filterNode(pod: Pod, node: Node, usage: NodeUsage, requests: Requests = podRequests(pod)): FilterResult {
  const unresolvable = (reason: string): FilterResult => ({ fits: false, reasons: [reason], resolvable: false });
  if (node.spec?.unschedulable && !tolerates(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return unresolvable('node(s) were unschedulable');
  }
  const taint = effectiveTaints(node).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t));
  if (taint) return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  if (!matchesNodeSelection(pod, node)) return unresolvable("node(s) didn't match Pod's node affinity/selector");
  if (hostPortsOf(pod).some((p) => usage.hostPorts.has(p))) {
    return { fits: false, reasons: ["node(s) didn't have free ports for the requested pod ports"], resolvable: true };
  }
  const alloc = node.status?.allocatable ?? {};
  const reasons: string[] = [];
  const maxPods = parseQuantity(alloc.pods) ?? 110;
  if (usage.pods + 1 > maxPods) reasons.push('Too many pods');
  if (requests.milliCpu > 0 && usage.requested.milliCpu + requests.milliCpu > milliCpu(alloc.cpu)) reasons.push('Insufficient cpu');
  if (requests.memory > 0 && usage.requested.memory + requests.memory > bytes(alloc.memory)) reasons.push('Insufficient memory');
  // A node that does not advertise an extended resource has none of it (fit.go: allocatable scalar 0).
  for (const [name, n] of Object.entries(requests.extended ?? {})) {
    if (n > 0 && (usage.requested.extended?.[name] ?? 0) + n > bytes(alloc[name])) reasons.push(`Insufficient ${name}`);
  }
  return reasons.length ? { fits: false, reasons, resolvable: true } : { fits: true };
}

/**
 * FitError.Error(): `0/N nodes are available: <count reason, sorted>. preemption: 0/N nodes are
 * available: <count Preemption is not helpful… / No preemption victims…, sorted>.` A PreFilter
 * rejection names its one message instead of per-node reasons, and no node helps preemption.
 */
export function fitErrorMessage(numNodes: number, failures: { reasons: string[]; resolvable: boolean }[], preFilter?: string): string {
  const histogram = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${n} ${k}`).sort().join(', ');
  };
  const head = `0/${numNodes} nodes are available`;
  if (numNodes === 0) return `no nodes available to schedule pods`;
  const filter = preFilter ?? histogram(failures.flatMap((f) => f.reasons));
  const preemption = histogram(failures.map((f) => (f.resolvable ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling')));
  return `${head}: ${filter}. preemption: ${head}: ${preemption}.`;
}
