/**
 * Server-side printing: the meta.k8s.io/v1 Table kubectl asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`, built by the same `tableFor()` the
 * in-browser kubectl uses, so both print identical columns and cells.
 */
import type { KubeObject } from '../../api/types.js';
import { tableFor, type TableColumn } from '../../tables/index.js';

export function wantsTable(accept: string): boolean {
  return /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

const DESCRIPTIONS: Record<string, string> = {
  Name: 'Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  Age: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
};

function columnDefinition(c: TableColumn): Record<string, unknown> {
  return { name: c.name, type: 'string', format: c.format ?? '', description: DESCRIPTIONS[c.name] ?? '', priority: c.priority };
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** A Table of `objects`; `headers: false` leaves the columns out (every watch event after the first). */
export function tableOf(resource: string, objects: KubeObject[], opts: { now: number; resourceVersion?: string; include: IncludeObject; headers?: boolean }): Record<string, unknown> {
  const t = tableFor(resource, objects, { now: opts.now, wide: true });
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.headers === false ? null : t.columns.map(columnDefinition),
    rows: t.rows.map((r) => {
      const row: Record<string, unknown> = { cells: r.cells };
      const object = rowObject(r.object, opts.include);
      if (object) row.object = object;
      return row;
    }),
  };
}

export function includeObjectParam(v: string | null): IncludeObject {
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
