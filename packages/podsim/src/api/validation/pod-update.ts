/**
 * Pod spec immutability (k8s ValidatePodUpdate): only images, activeDeadlineSeconds, added tolerations and
 * terminationGracePeriodSeconds (negative → 1) may change. The struct diff after the message approximates
 * go-cmp's output at the level of changed top-level PodSpec fields.
 */
import { jsonEqual, mutableCopy, type Any } from '../objects.js';
import { fieldError as fe, type FieldError } from './field.js';
import { structOf, type FieldType } from '../decode/schema.js';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function goFieldName(k: string): string {
  return k.replace(/^[a-z]/, (c) => c.toUpperCase()).replace(/Ip(s?)$/, 'IP$1');
}

function goValue(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  return '{...}';
}

function goType(t: FieldType | undefined): string {
  if (!t || typeof t !== 'object') return '';
  return 'struct' in t ? `core.${t.struct}` : `[]${goType(t.list)}`;
}

const isNode = (v: unknown) => typeof v === 'object' && v !== null;

/** go-cmp style lines for a changed value: nested structs and lists opened, identical runs folded. */
function diffLines(a: unknown, b: unknown, t: FieldType | undefined, depth: number): string[] {
  const pad = '\t'.repeat(depth);
  const lines: string[] = [];
  let same = 0;
  const flush = (what: string) => {
    if (same) lines.push(`  ${pad}... // ${same} identical ${what}${same > 1 ? 's' : ''}`);
    same = 0;
  };
  // go-cmp names the type of a field's value but not of list elements.
  const entry = (label: string, x: unknown, y: unknown, et: FieldType | undefined, typed = true) => {
    if (isNode(x) && isNode(y) && Array.isArray(x) === Array.isArray(y)) {
      lines.push(`  ${pad}${label}${typed ? goType(et) : ''}{`, ...diffLines(x, y, et, depth + 1), `  ${pad}},`);
    } else {
      if (x !== undefined) lines.push(`- ${pad}${label}${goValue(x)},`);
      if (y !== undefined) lines.push(`+ ${pad}${label}${goValue(y)},`);
    }
  };
  if (Array.isArray(a) && Array.isArray(b)) {
    const et = t && typeof t === 'object' && 'list' in t ? t.list : undefined;
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (jsonEqual(a[i], b[i])) same++;
      else {
        flush('element');
        entry('', a[i], b[i], et, false);
      }
    }
    flush('element');
    return lines;
  }
  const fields = t && typeof t === 'object' && 'struct' in t ? structOf(t.struct) : undefined;
  const ao = a as Any;
  const bo = b as Any;
  const keys = [...new Set([...Object.keys(fields ?? {}), ...Object.keys(ao), ...Object.keys(bo)])].filter((k) => ao[k] !== undefined || bo[k] !== undefined);
  for (const k of keys) {
    if (jsonEqual(ao[k], bo[k])) same++;
    else {
      flush('field');
      entry(`${goFieldName(k)}: `, ao[k], bo[k], fields?.[k]);
    }
  }
  flush('field');
  return lines;
}

function specDiff(oldSpec: Any, newSpec: Any): string {
  return ['  core.PodSpec{', ...diffLines(oldSpec, newSpec, { struct: 'PodSpec' }, 1), '  }'].join('\n');
}

export function validatePodSpecUpdate(spec: Any, old: Any): FieldError[] {
  const errs: FieldError[] = [];
  const masked = mutableCopy(spec ?? {});
  const copyImages = (list: string) => {
    const cur: Any[] = masked[list] ?? [];
    const prev: Any[] = old[list] ?? [];
    if (cur.length !== prev.length) return;
    cur.forEach((c, i) => {
      if (c && prev[i]) c.image = prev[i].image;
    });
  };
  copyImages('containers');
  copyImages('initContainers');
  if (old.activeDeadlineSeconds === undefined && masked.activeDeadlineSeconds !== undefined) {
    masked.activeDeadlineSeconds = undefined;
  } else if (typeof masked.activeDeadlineSeconds === 'number' && typeof old.activeDeadlineSeconds === 'number') {
    if (masked.activeDeadlineSeconds > old.activeDeadlineSeconds)
      errs.push(fe.invalid('spec.activeDeadlineSeconds', masked.activeDeadlineSeconds, 'must be less than or equal to previous value'));
    masked.activeDeadlineSeconds = old.activeDeadlineSeconds;
  }
  const prevTol: Any[] = old.tolerations ?? [];
  const curTol: Any[] = masked.tolerations ?? [];
  if (prevTol.every((t) => curTol.some((c) => jsonEqual(c, t)))) masked.tolerations = old.tolerations;
  if (typeof old.terminationGracePeriodSeconds === 'number' && old.terminationGracePeriodSeconds < 0 && masked.terminationGracePeriodSeconds === 1)
    masked.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  for (const k of Object.keys(masked)) if (masked[k] === undefined) delete masked[k];
  if (!jsonEqual(masked, old)) errs.push(fe.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(old, masked)}\n`));
  return errs;
}
