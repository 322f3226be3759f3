/**
 * Prints server-side Tables the way kubectl's human-readable printer does: upper-cased headers,
 * priority columns only with `-o wide`, NAMESPACE/label/LABELS decoration, the `kind/` name prefix
 * for mixed kinds, and the EVENT column of `--output-watch-events`. One printer keeps one get-style
 * tabwriter, so widths remembered in one call carry over to the next (`kubectl get -w`).
 * Models cli-runtime pkg/printers/tableprinter.go (PrintObj, decorateTable, printTable).
 */
import type { Table } from './types.js';
import { TabWriter, tableCell } from '../format/tabwriter.js';
import { formatLabels } from '../format/labels.js';

export interface TablePrinterOptions {
  noHeaders?: boolean;
  showLabels?: boolean;
  withNamespace?: boolean;
  labelColumns?: string[];
  wide?: boolean;
  /** Prepend the EVENT column (`--output-watch-events`); pass the event type to `print`. */
  watchEvents?: boolean;
  /** Group-qualified lower-case kind (`pod`, `deployment.apps`) to prefix names with, as for `get all`. */
  kind?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';

const EVENT_LABELS: Record<WatchEventType, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

export class TablePrinter {
  private readonly opts: TablePrinterOptions;
  private readonly writer = TabWriter.forGet();
  private printedHeaders = false;

  constructor(opts: TablePrinterOptions = {}) {
    this.opts = opts;
  }

  /**
   * Renders the table's rows (and the header the first time a table with rows is printed) and
   * returns the text. Nothing is printed for a table without rows.
   */
  print(table: Table, eventType: WatchEventType = 'ADDED'): string {
    const o = this.opts;
    const visible = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || c.priority === 0);
    const nameIndex = o.kind ? table.columns.findIndex((c) => c.format === 'name') : -1;
    const lines: string[] = [];
    if (table.rows.length > 0 && !o.noHeaders && !this.printedHeaders) {
      const headers: string[] = [];
      if (o.watchEvents) headers.push('EVENT');
      if (o.withNamespace) headers.push('NAMESPACE');
      for (const { c } of visible) headers.push(c.name.toUpperCase());
      for (const key of o.labelColumns ?? []) headers.push(labelHeader(key));
      if (o.showLabels) headers.push('LABELS');
      lines.push(headers.join('\t'));
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    for (const row of table.rows) {
      const cells: string[] = [];
      if (o.watchEvents) cells.push(EVENT_LABELS[eventType]);
      if (o.withNamespace) cells.push(row.object.metadata.namespace ?? '');
      for (const { i } of visible) {
        const cell = row.cells[i] ?? '';
        cells.push(i === nameIndex ? `${o.kind}/${cell}` : cell);
      }
      const labels = row.object.metadata.labels ?? {};
      for (const key of o.labelColumns ?? []) cells.push(labels[key] ?? '');
      if (o.showLabels) cells.push(formatLabels(labels));
      lines.push(cells.map(tableCell).join('\t'));
    }
    if (lines.length === 0) return '';
    this.writer.write(lines.join('\n') + '\n');
    return this.writer.flush();
  }
}

/** `-L app.kubernetes.io/name` → `NAME`. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/**
 * `kubectl get` over several kinds at once (`get all`, `get pods,deploy`): one table per kind,
 * separated by a blank line, names prefixed `kind/` when more than one kind is listed, and widths
 * not shared between kinds. Returns '' when nothing was printed (the verb then says
 * `No resources found`).
 */
export function printTables(groups: { kind: string; table: Table }[], opts: Omit<TablePrinterOptions, 'kind' | 'watchEvents'>): string {
  const multipleKinds = new Set(groups.map((g) => g.kind)).size > 1;
  let out = '';
  for (const g of groups) {
    const text = new TablePrinter({ ...opts, kind: multipleKinds ? g.kind : undefined }).print(g.table);
    if (text === '') continue;
    if (out !== '' && !opts.noHeaders) out += '\n';
    out += text;
  }
  return out;
}
