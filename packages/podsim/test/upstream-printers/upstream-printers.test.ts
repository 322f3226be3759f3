/**
 * An independent oracle for table cells: the table-driven cases of upstream Kubernetes
 * `pkg/printers/internalversion/printers_test.go`, carried over as data (`cases/*.yaml`, see
 * PROVENANCE.md), run against our `tableFor()`. Kinds we have no table printer for are listed on one
 * visible line and skipped; each runs as soon as `tableFor` learns its resource.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { tableFor } from '../../src/tables/index.js';
import { hasTable, loadUpstreamTests, type UpstreamCase, type UpstreamTest } from './cases.js';
import { resolveTimes } from './time-base.js';

/** Upstream computes every timestamp from `time.Now()` at test time; any fixed instant is as good. */
const NOW = Date.parse('2026-11-27T10:00:00Z');
const tests = loadUpstreamTests();

/**
 * Upstream's non-wide rows usually hold only the priority-0 cells (ours always carry every column);
 * a few printers append a wide cell regardless (PVC VolumeMode), and then upstream expects them all.
 */
function cellsAsUpstream(t: UpstreamTest, c: UpstreamCase): string[] {
  const table = tableFor(t.resource, [resolveTimes(c.object, NOW) as KubeObject], { now: NOW, wide: c.wide });
  const kept = table.columns.map((col, i) => ({ col, cell: table.rows[0].cells[i] })).filter(({ col }) => !t.absentColumns?.includes(col.name));
  return c.wide || c.expected.length === kept.length ? kept.map((k) => k.cell) : kept.filter((k) => k.col.priority === 0).map((k) => k.cell);
}

const pending = tests.filter((t) => !hasTable(t.resource));
if (pending.length > 0) {
  console.warn(`upstream printer cases SKIPPED (no table printer yet): ${pending.map((t) => `${t.test} (${t.resource}, ${t.cases.length} cases)`).join(', ')}`);
}
for (const t of tests) {
  for (const c of t.cases.filter((c) => c.unreachable)) console.warn(`upstream printer case SKIPPED: ${t.test} "${c.note}": ${c.unreachable}`);
}

describe('table cells match upstream printers_test.go', () => {
  for (const t of tests) {
    describe.skipIf(!hasTable(t.resource))(t.test, () => {
      t.cases.forEach((c, i) => {
        it.skipIf(Boolean(c.unreachable))(`#${i}${c.note ? ` ${c.note}` : ''}`, () => {
          expect(cellsAsUpstream(t, c)).toEqual(c.expected);
        });
      });
    });
  }

  it('every case file names its upstream test and has cases', () => {
    for (const t of tests) {
      expect(t.test).toMatch(/^Test\w+$/);
      expect(t.cases.length).toBeGreaterThan(0);
    }
  });
});
