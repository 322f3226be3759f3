/** The upstream printer cases (cases/*.yaml, see PROVENANCE.md) and which table columns they check. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tableFor, tableResources } from '../../src/tables/index.js';

export interface UpstreamCase {
  note?: string;
  wide?: boolean;
  /** Why kubectl can never see this upstream row (kept as data, skipped with a visible line). */
  unreachable?: string;
  object: Record<string, unknown>;
  expected: string[];
}
export interface UpstreamTest {
  test: string;
  resource: string;
  /**
   * Columns v1.32 prints that the stored upstream revision of the test predates (named in the case
   * file with the reason): our cells of these columns are left out of the comparison, and the columns
   * count as unchecked.
   */
  absentColumns?: string[];
  cases: UpstreamCase[];
}

export function loadUpstreamTests(): UpstreamTest[] {
  const dir = join(import.meta.dirname, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as UpstreamTest);
}

export const hasTable = (resource: string): boolean => tableResources().includes(resource);

/**
 * Per resource with a table printer: the columns whose cells some upstream case checks (all columns
 * when a wide case exists, else the default ones), and the columns no upstream case checks.
 */
export function independentColumns(): { resource: string; checked: string[]; unchecked: string[] }[] {
  const tests = loadUpstreamTests();
  return tableResources().map((resource) => {
    const cases = tests.filter((t) => t.resource === resource).flatMap((t) => t.cases.filter((c) => !c.unreachable));
    const absent = new Set(tests.filter((t) => t.resource === resource).flatMap((t) => t.absentColumns ?? []));
    const columns = tableFor(resource, [], { now: 0 }).columns.filter((col) => !absent.has(col.name));
    const anyWide = cases.some((c) => c.wide || c.expected.length === columns.length);
    const checked = cases.length === 0 ? [] : columns.filter((col) => anyWide || col.priority === 0).map((col) => col.name);
    return { resource, checked, unchecked: [...columns.map((col) => col.name).filter((n) => !checked.includes(n)), ...absent] };
  });
}
