/**
 * Label and selector formatting shared by tables and describers.
 * Models apimachinery pkg/labels (Set.String / FormatLabels) and metav1.FormatLabelSelector.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** `a=b,c=d` sorted by the whole `k=v` string; `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort().join(',');
}

/** A label selector as kubectl prints it: `app=web,tier in (a,b)`; `<none>` when empty or nil. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return '<none>';
  // the selector sorts all requirements by key, whichever form they came in
  const reqs: [string, string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const req of sel.matchExpressions ?? []) {
    const values = [...(req.values ?? [])].sort().join(',');
    const text: Record<string, string> = {
      In: `${req.key} in (${values})`,
      NotIn: `${req.key} notin (${values})`,
      Exists: req.key,
      DoesNotExist: `!${req.key}`,
    };
    if (text[req.operator] !== undefined) reqs.push([req.key, text[req.operator]]);
  }
  reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const s = reqs.map(([, t]) => t).join(',');
  return s === '' ? '<none>' : s;
}

/** `selector.String()` of a parsed label selector: like formatLabelSelector but empty instead of `<none>`. */
export function selectorString(sel: LabelSelector | undefined | null): string {
  const s = formatLabelSelector(sel);
  return s === '<none>' ? '' : s;
}
