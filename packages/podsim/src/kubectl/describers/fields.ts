/**
 * Multi-line fields shared by all describers: labels, annotations, taints, tolerations, the
 * Events table. Models describe.go printLabelsMultiline, printAnnotationsMultiline,
 * printNodeTaintsMultiline, printPodTolerationsMultiline, DescribeEvents.
 */
import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1';
import { ageSince } from '../../format/duration.js';
import { goSort } from '../printers/go-sort.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';

const goStringLess = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `Labels:  a=b` then one `k=v` per line, aligned; `<none>` when empty. `title` may carry leading spaces. */
export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, skip: string[] = []): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.includes(k))
    .sort(goStringLess);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${k}=${labels![k]}\n`));
}

const HIDDEN_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];
const MAX_ANNOTATION_LEN = 140;

export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !HIDDEN_ANNOTATIONS.includes(k))
    .sort(goStringLess);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s;
        w.write(LEVEL_0, `\t  ${short}\n`);
      }
    } else w.write(LEVEL_0, `${k}: ${value}\n`);
  });
}

/** `key=value:Effect` (Taint.ToString). */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
}

export function printTaints(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = goSort(taints ?? [], (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${taintString(t)}\n`));
}

/** `key[=value][:effect][ op=Exists][ for Ns]`, sorted by key. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = goSort(tolerations ?? [], (a, b) => (a.key ?? '') < (b.key ?? ''));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    let s = i === 0 ? '' : '\t';
    s += t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

const time = (s: string | undefined | null) => (s ? Date.parse(s) : 0);

/**
 * The Events section: sorted by lastTimestamp (unset first), Age is the first-seen age or
 * `<last> (xN over <first>)`, From is the component without host.
 */
export function describeEvents(w: PrefixWriter, events: Event[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = goSort(events, (a, b) => time(a.lastTimestamp) < time(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? ageSince(e.eventTime, now) : ageSince(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${ageSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
