/**
 * A resource as kustomize carries it through a build: the object plus the ids it had before
 * transformers renamed it (kustomize keeps them in build annotations), which patches, replicas and
 * name references match against. Also the reader's file system as kustomize's loader sees it.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { goYamlMessage } from '../../format/yaml-errors.js';

export type Obj = Record<string, unknown>;

export function isRecord(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Id {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface Res {
  obj: Obj & { metadata: Obj };
  /** Ids before each rename, oldest first (kustomize's previousNames/Kinds/Namespaces). */
  prev: Id[];
  /** Made by a generator that did not disable the name suffix hash. */
  needsHash: boolean;
  /** A generator's behavior toward a resource of the same id from a base. */
  behavior?: string;
}

/** What kustomize's loader needs of a file system; paths are absolute and clean. */
export interface KFs {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  exists(path: string): boolean;
}

export class KustomizeError extends Error {}

export function meta(r: Res): Obj {
  return r.obj.metadata;
}

export function nameOf(r: Res): string {
  return typeof r.obj.metadata.name === 'string' ? r.obj.metadata.name : '';
}

export function namespaceOf(r: Res): string {
  return typeof r.obj.metadata.namespace === 'string' ? r.obj.metadata.namespace : '';
}

export function idOf(r: Res): Id {
  const apiVersion = typeof r.obj.apiVersion === 'string' ? r.obj.apiVersion : '';
  const slash = apiVersion.lastIndexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof r.obj.kind === 'string' ? r.obj.kind : '',
    name: nameOf(r),
    namespace: namespaceOf(r),
  };
}

/** The id the resource had when it was read or generated. */
export function orgId(r: Res): Id {
  return r.prev[0] ?? idOf(r);
}

/** Current id first, then every earlier one. */
export function anyIds(r: Res): Id[] {
  return [idOf(r), ...r.prev];
}

export function storePreviousId(r: Res): void {
  r.prev.push(idOf(r));
}

/** kustomize's ResId.String(): `Kind.version.group/name.namespace` with its placeholders. */
export function idString(id: Id): string {
  return `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** Both namespaces mean the same place (resid.IsNsEquals: empty is `default`). */
export function nsEquals(a: string, b: string): boolean {
  return (a || 'default') === (b || 'default');
}

export function newRes(obj: Obj): Res {
  const o = obj as Res['obj'];
  if (!isRecord(o.metadata)) o.metadata = {};
  return { obj: o, prev: [], needsHash: false };
}

/** The objects of one YAML/JSON stream, `List`s expanded and empty documents dropped. */
export function parseObjects(text: string, source: string): Obj[] {
  const out: Obj[] = [];
  const lc = new LineCounter();
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, lineCounter: lc })) {
    if (doc.errors.length > 0) {
      const first = doc.errors.find((e) => e.code === 'UNEXPECTED_TOKEN') ?? doc.errors[0];
      throw new KustomizeError(`MalformedYAMLError: ${goYamlMessage(first, (off) => lc.linePos(off).line, text.split('\n'))} in File: ${source}`);
    }
    const v: unknown = doc.toJS({ maxAliasCount: 100 });
    if (v === null || v === undefined) continue;
    if (!isRecord(v)) throw new KustomizeError(`missing Resource metadata`);
    if (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) {
      for (const item of v.items) if (isRecord(item)) out.push(item);
    } else out.push(v);
  }
  return JSON.parse(JSON.stringify(out)) as Obj[];
}
