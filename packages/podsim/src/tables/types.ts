/**
 * The server-side Table kubectl asks for (`Accept: application/json;as=Table`), reduced to what the
 * client prints. Column names are the API server's (`Nominated Node`); the printer upper-cases them.
 * Columns with priority > 0 are only shown with `-o wide`.
 */
import type { KubeObject } from '../api/types.js';

export interface TableColumn {
  name: string;
  priority: number;
  /** `name` marks the object-name column, which `kubectl get all` prefixes with `kind/`. */
  format?: 'name';
}

export interface TableRow {
  cells: string[];
  object: KubeObject;
}

export interface Table {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableContext {
  /** Virtual time in ms since the epoch; every age is measured against it. */
  now: number;
  /** Accepted for symmetry with kubectl; the table always carries the wide columns (priority 1). */
  wide?: boolean;
}

/** One resource kind's table generator (k8s pkg/printers/internalversion/printers.go handlers). */
export interface TableHandler {
  columns: TableColumn[];
  row(obj: KubeObject, ctx: TableContext): string[];
}

/**
 * Column definitions from the API server's column names; a trailing `*` marks a priority-1
 * (`-o wide`) column, and `Name` is the object-name column.
 */
export function columns(...specs: string[]): TableColumn[] {
  return specs.map((spec) => {
    const wide = spec.endsWith('*');
    const name = wide ? spec.slice(0, -1) : spec;
    return name === 'Name' ? { name, priority: wide ? 1 : 0, format: 'name' } : { name, priority: wide ? 1 : 0 };
  });
}
