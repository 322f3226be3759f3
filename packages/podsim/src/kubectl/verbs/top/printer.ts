/**
 * `kubectl top`'s tables: every cell ends in a tab (so rows keep trailing padding), CPU in millicores
 * rounded up, memory in whole Mi, a node's share of its allocatable (or capacity) truncated to a
 * percent; sorted by name, or by usage (largest first) with --sort-by, in Go's sort.Sort order; nodes
 * the Metrics API does not report are listed last with `<unknown>`.
 * Models kubectl pkg/metricsutil/metrics_printer.go and metrics_sorter.go.
 */
import { TabWriter } from '../../../format/tabwriter.js';
import { intValue, milliValue, parseQuantity } from '../../../format/quantity.js';
import { goSort } from '../../printers/go-sort.js';

export interface Usage {
  cpu: number;
  memory: number;
}

export interface PodMetrics {
  metadata: { name: string; namespace: string };
  containers: { name: string; usage: Record<string, string> }[];
}

export interface NodeMetrics {
  metadata: { name: string };
  usage: Record<string, string>;
}

/** A ResourceList's cpu and memory as the printer reads them (MilliValue and Value, both rounded up). */
export function usageOf(list: Record<string, string> | undefined): Usage {
  return { cpu: parseQuantity(list?.cpu ?? '0').value, memory: parseQuantity(list?.memory ?? '0').value };
}

function podUsage(m: PodMetrics): Usage {
  return m.containers.map((c) => usageOf(c.usage)).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
}

const cpuCell = (u: Usage) => `${milliValue({ value: u.cpu, format: 'DecimalSI' })}m`;
const memCell = (u: Usage) => `${Math.trunc(intValue({ value: u.memory, format: 'BinarySI' }) / (1024 * 1024))}Mi`;

function byUsage<T>(sortBy: string | undefined, usage: (x: T) => Usage, name: (x: T) => string): (a: T, b: T) => boolean {
  if (sortBy === 'cpu') return (a, b) => milliValue({ value: usage(a).cpu, format: 'DecimalSI' }) > milliValue({ value: usage(b).cpu, format: 'DecimalSI' });
  if (sortBy === 'memory') return (a, b) => intValue({ value: usage(a).memory, format: 'BinarySI' }) > intValue({ value: usage(b).memory, format: 'BinarySI' });
  return (a, b) => name(a) < name(b);
}

function render(rows: string[][]): string {
  const w = TabWriter.forGet();
  w.write(rows.map((r) => r.map((c) => `${c}\t`).join('') + '\n').join(''));
  return w.flush();
}

export function podTable(metrics: PodMetrics[], o: { containers: boolean; withNamespace: boolean; noHeaders: boolean; sortBy?: string; sum: boolean }): string {
  if (metrics.length === 0) return '';
  const rows: string[][] = [];
  if (!o.noHeaders) rows.push([...(o.withNamespace ? ['NAMESPACE'] : []), ...(o.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  const sorted = goSort([...metrics], (a, b) => {
    if (!o.sortBy && o.withNamespace && a.metadata.namespace !== b.metadata.namespace) return a.metadata.namespace < b.metadata.namespace;
    return byUsage<PodMetrics>(o.sortBy, podUsage, (m) => m.metadata.name)(a, b);
  });
  for (const m of sorted) {
    const ns = o.withNamespace ? [m.metadata.namespace] : [];
    if (!o.containers) {
      const u = podUsage(m);
      rows.push([...ns, m.metadata.name, cpuCell(u), memCell(u)]);
      continue;
    }
    const containers = goSort([...m.containers], byUsage<PodMetrics['containers'][number]>(o.sortBy, (c) => usageOf(c.usage), (c) => c.name));
    for (const c of containers) rows.push([...ns, m.metadata.name, c.name, cpuCell(usageOf(c.usage)), memCell(usageOf(c.usage))]);
  }
  if (o.sum) {
    // kubectl counts the NAMESPACE and POD columns only while printing their headers.
    const width = 3 + (o.noHeaders ? 0 : (o.withNamespace ? 1 : 0) + (o.containers ? 1 : 0));
    const total = metrics.map(podUsage).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
    rows.push([...Array<string>(width - 2).fill(''), '________', '________']);
    rows.push([...Array<string>(width - 3).fill(''), '', cpuCell(total), memCell(total)]);
  }
  return render(rows);
}

export function nodeTable(metrics: NodeMetrics[], available: Map<string, Record<string, string> | undefined>, o: { noHeaders: boolean; sortBy?: string }): string {
  if (metrics.length === 0) return '';
  const rows: string[][] = [];
  if (!o.noHeaders) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const left = new Map(available);
  for (const m of goSort([...metrics], byUsage<NodeMetrics>(o.sortBy, (x) => usageOf(x.usage), (x) => x.metadata.name))) {
    const u = usageOf(m.usage);
    const avail = available.get(m.metadata.name);
    const row = [m.metadata.name, cpuCell(u)];
    const a = avail ? usageOf(avail) : undefined;
    // fraction := float64(quantity.MilliValue()) / float64(available.MilliValue()) * 100, truncated
    if (a && avail?.cpu !== undefined) row.push(`${Math.trunc((milliValue({ value: u.cpu, format: 'DecimalSI' }) / milliValue({ value: a.cpu, format: 'DecimalSI' })) * 100)}%`);
    row.push(memCell(u));
    if (a && avail?.memory !== undefined) row.push(`${Math.trunc((u.memory / a.memory) * 100)}%`);
    rows.push(row);
    left.delete(m.metadata.name);
  }
  for (const name of left.keys()) rows.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return render(rows);
}
