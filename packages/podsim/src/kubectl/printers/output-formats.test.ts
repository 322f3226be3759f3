import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { toJson } from './json.js';
import { listOf } from './list.js';
import { printName, qualifiedKind } from './name.js';
import { sortObjects } from './sort-by.js';
import { toYaml, YamlPrinter, yamlKeyLess } from './yaml.js';

const obj = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...extra } }) as KubeObject;

describe('-o yaml', () => {
  it('wraps several objects in a List with an empty resourceVersion', () => {
    expect(toYaml(listOf([obj('a')]))).toBe('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });
  it('separates documents after the first with ---', () => {
    const p = new YamlPrinter();
    expect(p.print({ a: 1 }) + p.print({ b: [] })).toBe('a: 1\n---\nb: []\n');
  });
  it('orders keys like go-yaml: digit runs numerically, non-letters before letters', () => {
    const keys = ['a10', 'a9', 'b', 'B', '_x', 'a-b', 'ab'];
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['_x', 'B', 'a-b', 'a9', 'a10', 'ab', 'b']);
  });
  it('nests sequences of sequences and quotes numeric-looking strings', () => {
    expect(toYaml({ args: [['a', '1'], []], port: 8080, rv: '8080', t: true })).toBe('args:\n- - a\n  - "1"\n- []\nport: 8080\nrv: "8080"\nt: true\n');
  });
});

describe('-o json', () => {
  it('sorts keys, indents by four spaces and escapes HTML like Go', () => {
    expect(toJson({ b: '<x>', a: [], c: {} })).toBe('{\n    "a": [],\n    "b": "\\u003cx\\u003e",\n    "c": {}\n}\n');
  });
});

describe('-o name', () => {
  it('qualifies non-core kinds with their group', () => {
    expect(printName(obj('nginx'))).toBe('pod/nginx\n');
    expect(printName({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, 'scaled')).toBe('deployment.apps/web scaled\n');
    expect(qualifiedKind({ apiVersion: 'apps/v1', kind: 'ReplicaSet' })).toBe('replicaset.apps');
  });
});

describe('--sort-by', () => {
  const names = (r: ReturnType<typeof sortObjects>) => (r.ok ? r.objects.map((o) => o.metadata.name) : r.message);
  const withCount = (name: string, count?: unknown, ts?: string) => ({ ...obj(name, ts ? { creationTimestamp: ts } : {}), count }) as KubeObject;
  it('sorts numbers numerically and puts objects without the field first', () => {
    expect(names(sortObjects([withCount('a', 10), withCount('b', 9), withCount('c')], '.count'))).toEqual(['c', 'b', 'a']);
  });
  it('compares strings as quantities when both parse, else byte-wise', () => {
    expect(names(sortObjects([withCount('a', '1Gi'), withCount('b', '512Mi')], '{.count}'))).toEqual(['b', 'a']);
    expect(names(sortObjects([withCount('x', 0, '2026-11-27T10:00:00Z'), withCount('y', 0, '2026-11-27T09:00:00Z')], 'metadata.creationTimestamp'))).toEqual(['y', 'x']);
  });
  it('fails like kubectl when no object has the field', () => {
    expect(names(sortObjects([obj('a'), obj('b')], '.nope'))).toBe('couldn\'t find any field with path "{.nope}" in the list of objects');
  });
});
