/**
 * The kubelet's resource metrics endpoint (`/metrics/resource` on its port 10250, what metrics-server
 * scrapes): cumulative CPU seconds and working set per container, pod and node, each sample stamped
 * with the time it was read, in the Prometheus text format. The node's own share (systemd, containerd,
 * the kubelet itself, the control plane's static pods) is data: what an idle kubeadm node uses.
 * Models pkg/kubelet/metrics/collectors/resource_metrics.go.
 */
import type { Pod } from '../api/types.js';
import type { ContainerStats } from '../runtime/types.js';

export const KUBELET_PORT = 10250;

/** An idle kubeadm node: the control plane runs etcd, the API server, the scheduler and the controller manager. */
export const NODE_SYSTEM = {
  controlPlane: { cores: 0.085, bytes: 1_034_152 * 1024 },
  worker: { cores: 0.022, bytes: 412 * 2 ** 20 },
};

export interface PodSample {
  pod: Pod;
  containers: { name: string; startedAt: number; stats: ContainerStats }[];
}

/** strconv.FormatFloat(v, 'g', -1, 64), as the Prometheus text encoder writes sample values. */
export function promFloat(v: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  // The shortest form switches to an exponent from 1e+06 on, with at least two exponent digits.
  return exp < -4 || exp >= 6 ? v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2') : String(v);
}

function family(lines: string[], name: string, help: string, type: 'counter' | 'gauge', samples: [string, number][], ts: number): void {
  if (samples.length === 0) return;
  lines.push(`# HELP ${name} [STABLE] ${help}`, `# TYPE ${name} ${type}`);
  for (const [labels, v] of samples) lines.push(`${name}${labels} ${promFloat(v)} ${ts}`);
}

/** The endpoint's text for the node's usage and its pods' samples, read at `now` (ms). */
export function resourceMetricsText(node: { cores: number; bytes: number; startedAt: number }, pods: PodSample[], nowMs: number): string {
  // Samples are stamped in whole milliseconds.
  const now = Math.floor(nowMs);
  const lines: string[] = [];
  const containerRows = pods.flatMap((p) =>
    p.containers.map((c) => ({ labels: `{container="${c.name}",namespace="${p.pod.metadata?.namespace}",pod="${p.pod.metadata?.name}"}`, c })),
  );
  containerRows.sort((a, b) => (a.labels < b.labels ? -1 : 1));
  const podRows = pods
    .filter((p) => p.containers.length)
    .map((p) => ({ labels: `{namespace="${p.pod.metadata?.namespace}",pod="${p.pod.metadata?.name}"}`, cs: p.containers.map((c) => c.stats) }))
    .sort((a, b) => (a.labels < b.labels ? -1 : 1));
  const sum = (f: (s: ContainerStats) => number) => containerRows.reduce((n, r) => n + f(r.c.stats), 0);
  family(lines, 'container_cpu_usage_seconds_total', 'Cumulative cpu time consumed by the container in core-seconds', 'counter', containerRows.map((r) => [r.labels, r.c.stats.cpuCoreMs / 1000]), now);
  family(lines, 'container_memory_working_set_bytes', 'Current working set of the container in bytes', 'gauge', containerRows.map((r) => [r.labels, r.c.stats.workingSetBytes]), now);
  family(lines, 'container_start_time_seconds', 'Start time of the container since unix epoch in seconds', 'gauge', containerRows.map((r) => [r.labels, r.c.startedAt / 1000]), now);
  family(lines, 'node_cpu_usage_seconds_total', 'Cumulative cpu time consumed by the node in core-seconds', 'counter', [['', (node.cores * (now - node.startedAt) + sum((s) => s.cpuCoreMs)) / 1000]], now);
  family(lines, 'node_memory_working_set_bytes', 'Current working set of the node in bytes', 'gauge', [['', node.bytes + sum((s) => s.workingSetBytes)]], now);
  family(lines, 'pod_cpu_usage_seconds_total', 'Cumulative cpu time consumed by the pod in core-seconds', 'counter', podRows.map((r) => [r.labels, r.cs.reduce((n, s) => n + s.cpuCoreMs, 0) / 1000]), now);
  family(lines, 'pod_memory_working_set_bytes', 'Current working set of the pod in bytes', 'gauge', podRows.map((r) => [r.labels, r.cs.reduce((n, s) => n + s.workingSetBytes, 0)]), now);
  lines.push('# HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise', '# TYPE resource_scrape_error gauge', 'resource_scrape_error 0');
  return lines.join('\n') + '\n';
}
