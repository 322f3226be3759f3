/**
 * `kubectl describe node`: identity, taints, lease, conditions, addresses, capacity, system info,
 * the non-terminated pods with their share of allocatable cpu/memory, and allocated totals.
 * Models describe.go describeNode / describeNodeResource.
 */
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { ageSince } from '../../format/duration.js';
import { nodeRoles } from '../../tables/nodes.js';
import { describeEvents, printAnnotations, printLabels, printTaints } from './fields.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './prefix-writer.js';
import { addQuantities, formatQuantity, intValue, milliValue, parseQuantity, type Quantity } from '../../format/quantity.js';

type Totals = Record<string, Quantity>;

function sum(into: Totals, list: Record<string, string | number> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) into[k] = addQuantities(into[k], parseQuantity(v));
}

/** Pod requests/limits: sum over containers, raised to the largest init container (resourcehelper.PodRequestsAndLimits). */
export function podRequestsAndLimits(pod: Pod): { requests: Totals; limits: Totals } {
  const requests: Totals = {};
  const limits: Totals = {};
  for (const c of pod.spec?.containers ?? []) {
    sum(requests, c.resources?.requests);
    sum(limits, c.resources?.limits);
  }
  const raise = (into: Totals, list: Record<string, string> | undefined) => {
    for (const [k, v] of Object.entries(list ?? {})) {
      const q = parseQuantity(v);
      if (!into[k] || q.value > into[k].value) into[k] = q;
    }
  };
  for (const c of pod.spec?.initContainers ?? []) {
    raise(requests, c.resources?.requests);
    raise(limits, c.resources?.limits);
  }
  return { requests, limits };
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

function describeNodeResource(w: PrefixWriter, node: Node, pods: Pod[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const cpu = milliValue(parseQuantity(alloc.cpu));
  const mem = intValue(parseQuantity(alloc.memory));
  const totalReq: Totals = {};
  const totalLim: Totals = {};
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    for (const [k, q] of Object.entries(requests)) totalReq[k] = addQuantities(totalReq[k], q);
    for (const [k, q] of Object.entries(limits)) totalLim[k] = addQuantities(totalLim[k], q);
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${formatQuantity(requests.cpu)} (${pct(milliValue(requests.cpu), cpu)}%)\t${formatQuantity(limits.cpu)} (${pct(milliValue(limits.cpu), cpu)}%)\t` +
        `${formatQuantity(requests.memory)} (${pct(intValue(requests.memory), mem)}%)\t${formatQuantity(limits.memory)} (${pct(intValue(limits.memory), mem)}%)\t` +
        `${ageSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const eph = intValue(parseQuantity(alloc['ephemeral-storage']));
  const row = (name: string, whole: number, value: (q: Quantity | undefined) => number) =>
    w.write(LEVEL_1, `${name}\t${formatQuantity(totalReq[name])} (${pct(value(totalReq[name]), whole)}%)\t${formatQuantity(totalLim[name])} (${pct(value(totalLim[name]), whole)}%)\n`);
  row('cpu', cpu, milliValue);
  row('memory', mem, intValue);
  row('ephemeral-storage', eph, intValue);
  for (const name of Object.keys(alloc).filter((r) => r.startsWith('hugepages-')).sort()) row(name, intValue(parseQuantity(alloc[name])), intValue);
}

export function describeNode(node: Node, pods: Pod[], events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const meta = node.metadata ?? {};
  const status = node.status ?? {};
  const info = status.nodeInfo;
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(meta.labels).join(',') || '<none>'}\n`);
  printLabels(w, 'Labels', meta.labels);
  printAnnotations(w, 'Annotations', meta.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printTaints(w, 'Taints', node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  // the kubelet's lease is renewed with every heartbeat; show it from the Ready condition
  const ready = (status.conditions ?? []).find((c) => c.type === 'Ready');
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  w.write(LEVEL_1, `RenewTime:\t${ready?.lastHeartbeatTime ? rfc1123z(ready.lastHeartbeatTime) : '<unset>'}\n`);
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions ?? [])
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const n of names) w.write(LEVEL_0, `  ${n}:\t${formatQuantity(parseQuantity(list![n]))}\n`);
  }
  w.write(LEVEL_0, 'System Info:\n');
  const sys: [string, string | undefined][] = [
    ['Machine ID', info?.machineID],
    ['System UUID', info?.systemUUID],
    ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion],
    ['OS Image', info?.osImage],
    ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture],
    ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion],
    ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  for (const [k, v] of sys) w.write(LEVEL_0, `  ${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(w, node, pods, now);
  if (events) describeEvents(w, events, now);
  return w.toString();
}
