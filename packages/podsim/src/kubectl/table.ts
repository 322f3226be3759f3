/** Plain tab-separated rows through kubectl's get-style tabwriter (api-resources, get-contexts, events). */
import { TabWriter } from '../format/tabwriter.js';

export function renderRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const w = TabWriter.forGet();
  w.write(rows.map((r) => r.join('\t')).join('\n') + '\n');
  return w.flush();
}
