/**
 * `kubectl get --sort-by=<jsonpath>`: orders objects by the first value the expression yields;
 * objects without it come first; numbers compare numerically, strings as quantities when both parse
 * (`10` after `9`, `1Gi` after `512Mi`), else byte-wise (RFC 3339 times sort chronologically).
 * Models kubectl pkg/cmd/get/sorter.go (TableSorter, isLess).
 */
import type { KubeObject } from '../../api/types.js';
import { parseQuantity } from '../../format/quantity.js';
import { goSort } from './go-sort.js';
import { compileJsonPath, findResults, relaxedJsonPath } from './jsonpath.js';

const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;

function less(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (QUANTITY.test(a) && QUANTITY.test(b)) return parseQuantity(a).value < parseQuantity(b).value;
    return a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!less(a[i], b[i])) return false;
    return true;
  }
  return false;
}

/** The objects in `--sort-by` order, or kubectl's error text (after `error: `). */
export function sortObjects<T extends KubeObject>(objects: T[], sortBy: string): { ok: true; objects: T[] } | { ok: false; message: string } {
  const relaxed = relaxedJsonPath(sortBy);
  const field = relaxed.ok ? relaxed.path : sortBy;
  const compiled = compileJsonPath(field);
  if (!compiled.ok) return { ok: false, message: `sorting error: ${compiled.message.replace(/^error parsing jsonpath [^,]*, /, '')}` };
  const keyed = objects.map((object) => ({ object, values: findResults(field, object)[0] ?? [] }));
  if (objects.length > 1 && !keyed.some((k) => k.values.length > 0)) return { ok: false, message: `couldn't find any field with path "${field}" in the list of objects` };
  if (objects.length <= 1) return { ok: true, objects };
  const sorted = goSort(keyed, (i, j) => {
    if (i.values.length === 0) return true;
    if (j.values.length === 0) return false;
    return less(i.values[0], j.values[0]);
  });
  return { ok: true, objects: sorted.map((k) => k.object) };
}
