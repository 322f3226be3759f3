/**
 * Reading a kubelet's /metrics/resource answer (Prometheus text): per container its cumulative CPU
 * seconds, working set and start time; for the node its CPU seconds and working set; each sample
 * carries the time the kubelet read it (ms).
 */

export interface Point {
  /** Cumulative core-seconds. */
  cpu: number;
  memory: number;
  at: number;
}

export interface ContainerPoint extends Point {
  startedAt: number;
}

export interface NodeScrape {
  node?: Point;
  /** `namespace/pod` → container name → its point. */
  pods: Map<string, Map<string, ContainerPoint>>;
}

const SAMPLE = /^(\w+)(?:\{([^}]*)\})? (\S+) (\d+)$/;

function labelsOf(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (text ?? '').matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

export function parseResourceMetrics(text: string): NodeScrape {
  const pods: NodeScrape['pods'] = new Map();
  const node: Partial<Point> = {};
  const container = (l: Record<string, string>): Partial<ContainerPoint> => {
    const key = `${l.namespace}/${l.pod}`;
    let byName = pods.get(key);
    if (!byName) pods.set(key, (byName = new Map()));
    let c = byName.get(l.container);
    if (!c) byName.set(l.container, (c = { cpu: NaN, memory: NaN, at: 0, startedAt: 0 }));
    return c;
  };
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const [, name, rawLabels, rawValue, rawAt] = m;
    const value = Number(rawValue);
    const at = Number(rawAt);
    const l = labelsOf(rawLabels);
    if (name === 'node_cpu_usage_seconds_total') Object.assign(node, { cpu: value, at });
    else if (name === 'node_memory_working_set_bytes') node.memory = value;
    else if (name === 'container_cpu_usage_seconds_total') Object.assign(container(l), { cpu: value, at });
    else if (name === 'container_memory_working_set_bytes') container(l).memory = value;
    else if (name === 'container_start_time_seconds') container(l).startedAt = value * 1000;
  }
  for (const [key, byName] of pods) {
    for (const [n, c] of byName) if (Number.isNaN(c.cpu) || Number.isNaN(c.memory)) byName.delete(n);
    if (byName.size === 0) pods.delete(key);
  }
  const complete = node.cpu !== undefined && node.memory !== undefined && node.at !== undefined;
  return { node: complete ? (node as Point) : undefined, pods };
}
