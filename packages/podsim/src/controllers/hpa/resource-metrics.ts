/**
 * The HPA controller's resource metrics client (k8s pkg/controller/podautoscaler/metrics/client.go):
 * lists metrics.k8s.io PodMetrics for the target's selector through the aggregator and sums each
 * pod's containers' usage in milli-units (Quantity.MilliValue rounds up). A pod missing a
 * container's usage is left out. Errors carry the texts the controller puts in its events.
 */
import { parseQuantity } from '../../api/quantity.js';
import type { ApiClient } from '../../api/types.js';

export interface PodMetric {
  /** Usage in milli-units: millicores, or bytes × 1000. */
  milli: number;
  timestamp: number;
  windowMs: number;
}

export type PodMetricsResult = { ok: true; metrics: Map<string, PodMetric>; timestamp: number } | { ok: false; error: string };

interface PodMetricsItem {
  metadata?: { name?: string };
  timestamp?: string;
  window?: string;
  containers?: { name?: string; usage?: Record<string, string> }[];
}

/** client-go's words for what the aggregator answered instead of a list. */
function listError(code: number | undefined): string {
  const what = code === undefined ? 'the server could not find the requested resource' : code === 503 ? 'the server is currently unable to handle the request' : `an error on the server ("unknown") has prevented the request from succeeding`;
  return `unable to fetch metrics from resource metrics API: ${what} (get pods.metrics.k8s.io)`;
}

const windowMs = (w: string | undefined): number => {
  const m = /^(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(w ?? '');
  return m ? Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? 0) * 1000 : 0;
};

export function podResourceMetrics(api: ApiClient, resource: string, namespace: string, selector: string): PodMetricsResult {
  const reply = api.proxyGet?.(`/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`);
  if (!reply || reply.code !== 200) return { ok: false, error: listError(reply?.code) };
  let items: PodMetricsItem[];
  try {
    items = (JSON.parse(reply.body) as { items?: PodMetricsItem[] }).items ?? [];
  } catch {
    return { ok: false, error: listError(500) };
  }
  if (items.length === 0) return { ok: false, error: 'no metrics returned from resource metrics API' };
  const metrics = new Map<string, PodMetric>();
  for (const m of items) {
    const containers = m.containers ?? [];
    const values = containers.map((c) => parseQuantity(c.usage?.[resource]));
    if (containers.length === 0 || values.some((v) => v === undefined)) continue;
    const milli = values.reduce<number>((sum, v) => sum + Math.ceil((v as number) * 1000 - 1e-9), 0);
    metrics.set(m.metadata?.name ?? '', { milli, timestamp: Date.parse(m.timestamp ?? '') || 0, windowMs: windowMs(m.window) });
  }
  return { ok: true, metrics, timestamp: Date.parse(items[0].timestamp ?? '') || 0 };
}
