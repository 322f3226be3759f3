/**
 * Label and field selectors (apimachinery `pkg/labels/selector.go`, `pkg/fields/selector.go`) and the
 * fields each resource can be selected by (the registries' `GetAttrs`/field label conversions).
 */
import type { KubeObject } from './types.js';
import { isObject } from './objects.js';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type Labels = Record<string, string> | undefined;
type Requirement = (labels: Record<string, string>) => boolean;
export type ParsedSelector = { ok: true; matches(labels: Labels): boolean; empty: boolean } | { ok: false; message: string };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '<', '>', ' ', '\t', '\n', '\r']);

function tokenize(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '=' || c === '!') {
      if (s[i + 1] === '=') {
        out.push(c + '=');
        i += 2;
      } else {
        out.push(c);
        i++;
      }
    } else if (SPECIAL.has(c)) {
      out.push(c);
      i++;
    } else {
      let j = i;
      while (j < s.length && !SPECIAL.has(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

const OPERATORS = new Set(['=', '==', '!=', 'in', 'notin', '<', '>']);
const isIdent = (t: string | undefined): t is string => t !== undefined && !SPECIAL.has(t[0]) && t !== '==' && t !== '!=';

const KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const KEY_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function keyError(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !KEY_PREFIX.test(prefix))) return `key: Invalid value: "${key}": prefix part must be a valid DNS subdomain`;
  if (name.length === 0 || name.length > 63 || !KEY_NAME.test(name)) {
    return `key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  }
  return undefined;
}

function valueError(i: number, v: string): string | undefined {
  if (v.length <= 63 && LABEL_VALUE.test(v)) return undefined;
  return `values[${i}][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
}

/** Parses `app=web,tier!=db,env in (a,b),!legacy,release`. */
export function parseLabelSelector(s: string): ParsedSelector {
  if (typeof s !== 'string') return { ok: false, message: 'invalid selector' };
  const toks = tokenize(s);
  const reqs: Requirement[] = [];
  let i = 0;
  const err = (message: string): ParsedSelector => ({ ok: false, message: `unable to parse requirement: ${message}` });
  while (i < toks.length) {
    let negate = false;
    if (toks[i] === '!') {
      negate = true;
      i++;
    }
    const key = toks[i];
    if (!isIdent(key)) return err(`found '${key ?? ''}', expected: identifier`);
    const ke = keyError(key);
    if (ke) return err(ke);
    i++;
    const op = toks[i];
    if (op === undefined || op === ',') {
      reqs.push(negate ? (l) => !(key in l) : (l) => key in l);
    } else {
      if (negate) return err(`found '${op}', expected: ',' or 'end of string'`);
      if (!OPERATORS.has(op)) return err(`found '${op}', expected: '=', '!=', '==', 'in', notin'`);
      i++;
      let values: string[];
      if (op === 'in' || op === 'notin') {
        if (toks[i] !== '(') return err(`found '${toks[i] ?? ''}', expected: '('`);
        i++;
        values = [];
        while (toks[i] !== ')') {
          const t = toks[i];
          if (t === undefined) return err(`found '', expected: ',', ')' or identifier`);
          if (t === ',') {
            if (values.length === 0 || toks[i - 1] === ',') values.push('');
            i++;
            continue;
          }
          if (!isIdent(t)) return err(`found '${t}', expected: ',', ')' or identifier`);
          values.push(t);
          i++;
        }
        if (toks[i - 1] === ',') values.push('');
        i++;
      } else {
        const t = toks[i];
        values = [t !== undefined && isIdent(t) ? t : ''];
        if (t !== undefined && isIdent(t)) i++;
      }
      for (let k = 0; k < values.length; k++) {
        const ve = op === '<' || op === '>' ? (Number.isInteger(Number(values[k])) ? undefined : `for 'Gt', 'Lt' operators, the value must be an integer`) : valueError(k, values[k]);
        if (ve) return err(ve);
      }
      const set = new Set(values);
      switch (op) {
        case '=':
        case '==':
          reqs.push((l) => key in l && l[key] === values[0]);
          break;
        case '!=':
          reqs.push((l) => !(key in l) || l[key] !== values[0]);
          break;
        case 'in':
          reqs.push((l) => key in l && set.has(l[key]));
          break;
        case 'notin':
          reqs.push((l) => !(key in l) || !set.has(l[key]));
          break;
        default: {
          const bound = Number(values[0]);
          reqs.push((l) => key in l && /^-?\d+$/.test(l[key]) && (op === '>' ? Number(l[key]) > bound : Number(l[key]) < bound));
        }
      }
    }
    if (i < toks.length) {
      if (toks[i] !== ',') return err(`found '${toks[i]}', expected: ',' or 'end of string'`);
      i++;
      if (i >= toks.length) return err(`found '', expected: identifier`);
    }
  }
  return { ok: true, empty: reqs.length === 0, matches: (labels) => reqs.every((r) => r(labels ?? {})) };
}

/** metav1.LabelSelector semantics: all matchLabels and all expressions must hold; an empty selector matches everything. */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const vals = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !vals.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && vals.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Fields each resource can be selected by, besides metadata.name and metadata.namespace. */
const FIELD_LABELS: Record<string, string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  secrets: ['type'],
  replicasets: ['status.replicas'],
  jobs: ['status.successful'],
};

function fieldValue(obj: KubeObject, path: string): string {
  // batch/v1's field label for the succeeded count (pkg/apis/batch/v1/conversion.go).
  if (path === 'status.successful') return String((obj.status as { succeeded?: number } | undefined)?.succeeded ?? 0);
  if (path === 'source') return String((obj.source as { component?: string } | undefined)?.component ?? '');
  let cur: unknown = obj;
  for (const p of path.split('.')) cur = isObject(cur) ? cur[p] : undefined;
  if (cur === undefined || cur === null) return path === 'spec.hostNetwork' || path === 'spec.unschedulable' ? 'false' : '';
  return String(cur);
}

export type ParsedFieldSelector = { ok: true; matches(obj: KubeObject): boolean; empty: boolean } | { ok: false; message: string };

/** Resources whose group registers its own field label conversion (core/v1, apps/v1 replicasets); others use the default one. */
const OWN_CONVERSION = new Set(['pods', 'events', 'nodes', 'namespaces', 'secrets', 'services', 'endpoints', 'configmaps', 'serviceaccounts', 'persistentvolumeclaims', 'resourcequotas', 'limitranges', 'replicasets', 'jobs']);

/** Splits on unescaped commas and parses `field=value`, `field==value`, `field!=value` terms. */
export function parseFieldSelector(s: string, resource: string): ParsedFieldSelector {
  if (typeof s !== 'string') return { ok: false, message: 'invalid selector' };
  const terms: { field: string; value: string; negate: boolean }[] = [];
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ',') {
      parts.push(cur);
      cur = '';
    } else cur += s[i];
  }
  parts.push(cur);
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(FIELD_LABELS[resource] ?? [])]);
  for (const part of parts) {
    if (part.trim() === '' && parts.length === 1) break;
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(part);
    if (!m) return { ok: false, message: `invalid selector: '${s}'; can't understand '${part}'` };
    const field = m[1].trim();
    if (!allowed.has(field)) {
      const message = OWN_CONVERSION.has(resource) ? `field label not supported: ${field}` : `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
      return { ok: false, message };
    }
    terms.push({ field, value: m[3].replace(/\\(.)/g, '$1'), negate: m[2] === '!=' });
  }
  return {
    ok: true,
    empty: terms.length === 0,
    matches: (obj) => terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate),
  };
}
