/**
 * metrics-server's storage: the last two scrapes of every node and container, from which usage is a
 * rate (CPU: the cumulative counter's increase over the window between them) and a level (memory:
 * the latest working set). A container seen once counts from its start time when it started at least
 * ten seconds before, so a new pod has metrics after one scrape. A pod is only served when all its
 * containers are. Models sigs.k8s.io/metrics-server pkg/storage (node.go, pod.go).
 */
import type { ContainerPoint, NodeScrape, Point } from './scrape.js';

/** freshContainerMinMetricsResolution: how long a container must have run to be rated from its start. */
const FRESH_MIN_MS = 10_000;

export interface Usage {
  /** Cores. */
  cpu: number;
  memory: number;
  at: number;
  windowMs: number;
}

interface Pair<P extends Point> {
  last: P;
  prev?: P;
}

function advance<P extends Point>(old: Pair<P> | undefined, next: P): Pair<P> {
  if (!old) return { last: next };
  if (next.at <= old.last.at) return old;
  // A counter that went down is a restarted container: start over from the new point.
  return next.cpu < old.last.cpu ? { last: next } : { last: next, prev: old.last };
}

function rate(p: Pair<Point>, startedAt?: number): Usage | undefined {
  const prev = p.prev ?? (startedAt !== undefined && p.last.at - startedAt >= FRESH_MIN_MS ? { cpu: 0, at: startedAt } : undefined);
  if (!prev || p.last.at <= prev.at) return undefined;
  const windowMs = p.last.at - prev.at;
  return { cpu: Math.max(0, (p.last.cpu - prev.cpu) / (windowMs / 1000)), memory: p.last.memory, at: p.last.at, windowMs };
}

export class MetricsStorage {
  private nodes = new Map<string, Pair<Point>>();
  private pods = new Map<string, Map<string, Pair<ContainerPoint>>>();

  /** One scrape of every node (an unreachable node is left out and forgotten). */
  store(scrapes: Map<string, NodeScrape>): void {
    const nodes = new Map<string, Pair<Point>>();
    const pods = new Map<string, Map<string, Pair<ContainerPoint>>>();
    for (const [name, s] of scrapes) {
      if (s.node) nodes.set(name, advance(this.nodes.get(name), s.node));
      for (const [key, containers] of s.pods) {
        const old = this.pods.get(key);
        const next = new Map<string, Pair<ContainerPoint>>();
        for (const [c, point] of containers) {
          const before = old?.get(c);
          // A new instance of the container (restarted) starts its own window.
          next.set(c, before && before.last.startedAt === point.startedAt ? advance(before, point) : { last: point });
        }
        pods.set(key, next);
      }
    }
    this.nodes = nodes;
    this.pods = pods;
  }

  node(name: string): Usage | undefined {
    const p = this.nodes.get(name);
    return p && rate(p);
  }

  nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  /** Usage per container of `namespace/pod`, when every container has some. */
  pod(key: string): { name: string; usage: Usage }[] | undefined {
    const containers = this.pods.get(key);
    if (!containers) return undefined;
    const out: { name: string; usage: Usage }[] = [];
    for (const [name, p] of containers) {
      const usage = rate(p, p.last.startedAt);
      if (!usage) return undefined;
      out.push({ name, usage });
    }
    return out;
  }

  podKeys(): string[] {
    return [...this.pods.keys()];
  }

  /** Readiness: enough points to serve any node. */
  ready(): boolean {
    return [...this.nodes.values()].some((p) => rate(p) !== undefined);
  }
}
