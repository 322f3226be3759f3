/** RFC 6902 JSON patch, with error texts in the style of evanphx/json-patch as the apiserver reports them. */
import { isObject, jsonEqual, mutableCopy, type Any } from '../objects.js';
import { PatchError } from './strategic.js';

type Container = Any | unknown[];

function parsePointer(p: unknown): string[] {
  if (typeof p !== 'string' || (p !== '' && !p.startsWith('/'))) throw new PatchError(`JSON pointer must be empty or start with a "/": ${String(p)}`);
  return p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, parts: string[], op: string, path: string): { parent: Container; last: string } {
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = cur[part];
    else cur = undefined;
    if (cur === undefined || cur === null || typeof cur !== 'object') throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return { parent: cur as Container, last: parts[parts.length - 1] };
}

function arrayIndex(arr: unknown[], last: string, op: string, path: string, allowEnd: boolean): number {
  if (last === '-' && allowEnd) return arr.length;
  const i = Number(last);
  if (!/^\d+$/.test(last) || i > arr.length || (!allowEnd && i >= arr.length)) throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return i;
}

function get(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  if (parts.length === 0) return doc;
  const { parent, last } = parentOf(doc, parts, op, path);
  const v = Array.isArray(parent) ? parent[arrayIndex(parent, last, op, path, false)] : parent[last];
  if (v === undefined) throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return v;
}

function remove(doc: unknown, path: string, op: string): unknown {
  const parts = parsePointer(path);
  const { parent, last } = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, last, op, path, false), 1)[0];
  if (!(last in parent)) throw new PatchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
  const v = parent[last];
  delete parent[last];
  return v;
}

function add(doc: unknown, path: string, value: unknown, op: string, replace: boolean): unknown {
  const parts = parsePointer(path);
  if (parts.length === 0) return value;
  const { parent, last } = parentOf(doc, parts, op, path);
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, last, op, path, !replace);
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
  } else {
    if (replace && !(last in parent)) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    parent[last] = value;
  }
  return doc;
}

export function jsonPatch(original: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = mutableCopy(original);
  for (const o of ops) {
    if (!isObject(o)) throw new PatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const path = String(o.path ?? '');
    switch (o.op) {
      case 'add':
        doc = add(doc, path, mutableCopy(o.value), 'add', false);
        break;
      case 'remove':
        remove(doc, path, 'remove');
        break;
      case 'replace':
        doc = add(doc, path, mutableCopy(o.value), 'replace', true);
        break;
      case 'move': {
        const v = remove(doc, String(o.from ?? ''), 'move');
        doc = add(doc, path, v, 'move', false);
        break;
      }
      case 'copy':
        doc = add(doc, path, mutableCopy(get(doc, String(o.from ?? ''), 'copy')), 'copy', false);
        break;
      case 'test':
        if (!jsonEqual(get(doc, path, 'test'), o.value)) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${String(o.op)}`);
    }
  }
  return doc;
}
