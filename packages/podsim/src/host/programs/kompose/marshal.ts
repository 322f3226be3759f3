/**
 * How kompose writes an object: `-j` is Go's json.MarshalIndent of the typed object (fields in the
 * types' order, HTML characters escaped, no final newline); YAML is that JSON read back as a map and
 * written by go-yaml v3 (keys sorted, sequences indented under their key, long lines whole) after
 * kompose drops empty maps, empty lists and nulls, and cuts everything from a `status:` line on.
 */
import { yamlKeyLess } from '../../../kubectl/printers/yaml.js';
import { yamlString } from '../../../kubectl/printers/yaml-scalar.js';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's encoding/json escapes <, >, & and the JavaScript line separators inside strings. */
export function goJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** kompose's removeEmptyInterfaces, on the map go-yaml read back from the JSON. */
function pruned(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null && !(isMap(x) && Object.keys(x).length === 0)).map(pruned);
  if (!isMap(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    const p = pruned(x);
    if (isMap(p) && Object.keys(p).length === 0) continue;
    if (Array.isArray(p) && p.length === 0) continue;
    out[k] = p;
  }
  return out;
}

const byYamlKey = (a: string, b: string) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0);

function scalar(v: unknown, column: number, indent: number): string {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return yamlString(String(v), column, indent, false, false);
}

function mapping(obj: Record<string, unknown>, indent: number, step: number, out: string[], firstPrefix?: string): void {
  Object.keys(obj)
    .sort(byYamlKey)
    .forEach((k, i) => {
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      entry(`${prefix}${yamlString(k, prefix.length, indent, true)}:`, obj[k], indent, step, out);
    });
}

function sequence(items: unknown[], indent: number, step: number, out: string[], firstPrefix?: string): void {
  items.forEach((x, i) => {
    const prefix = `${i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)}- `;
    if (isMap(x) && Object.keys(x).length > 0) mapping(x, indent + 2, step, out, prefix);
    else if (Array.isArray(x) && x.length > 0) sequence(x, indent + 2, step, out, prefix);
    else out.push(prefix + (isMap(x) ? '{}' : Array.isArray(x) ? '[]' : scalar(x, prefix.length, indent + 2)));
  });
}

/** `head` is `key:`; scalars follow on its line, collections below it, sequences indented one step too. */
function entry(head: string, v: unknown, indent: number, step: number, out: string[]): void {
  if (isMap(v) && Object.keys(v).length > 0) {
    out.push(head);
    mapping(v, indent + step, step, out);
  } else if (Array.isArray(v) && v.length > 0) {
    out.push(head);
    sequence(v, indent + step, step, out);
  } else out.push(`${head} ${isMap(v) ? '{}' : Array.isArray(v) ? '[]' : scalar(v, head.length + 1, indent + step)}`);
}

/** go-yaml v3's Encoder with SetIndent(`indent`), as kompose's jsonToYaml uses it. */
export function goYamlV3(value: unknown, indent = 2): string {
  const out: string[] = [];
  if (isMap(value)) mapping(value, 0, indent, out);
  else if (Array.isArray(value)) sequence(value, 0, indent, out);
  else out.push(scalar(value, 0, indent));
  return out.join('\n') + '\n';
}

/** One object's text in kompose's format; a YAML document loses its `status:` and all after it. */
export function marshal(obj: unknown, json: boolean, indent: number): string {
  if (json) return goJson(obj);
  return goYamlV3(pruned(JSON.parse(JSON.stringify(obj))), indent).replace(/status:\n[\s\S]*/, '');
}
