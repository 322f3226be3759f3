/**
 * Result tables as the two SQL clients draw them: psql's aligned format (centered headers,
 * numbers right-aligned, `+` where a cell continues on the next line, `(N rows)`), and mysql's
 * boxed format and its tab-separated batch format.
 */
import type { Cell } from '../servers/engines/sql.js';

export interface Column {
  name: string;
  numeric: boolean;
}

export function pgCell(v: Cell): string {
  return v === null ? '' : v === true ? 't' : v === false ? 'f' : String(v);
}

export function psqlTable(columns: Column[], rows: string[][], title?: string): string {
  const cells = rows.map((r) => r.map((v) => v.split('\n')));
  const width = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => Math.max(...r[i].map((l) => l.length)))));
  const last = columns.length - 1;
  const header = columns.map((c, i) => {
    const room = width[i] - c.name.length;
    return `${' '.repeat(Math.floor(room / 2))}${c.name}${' '.repeat(Math.ceil(room / 2))}`;
  });
  const lines: string[] = [];
  const total = width.reduce((n, w) => n + w + 3, -1);
  if (title) lines.push(`${' '.repeat(Math.max(0, Math.floor((total - title.length) / 2)))}${title}`);
  lines.push(` ${header.join(' | ')} `);
  lines.push(width.map((w) => '-'.repeat(w + 2)).join('+'));
  for (const row of cells) {
    const height = Math.max(...row.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      let line = '';
      for (let i = 0; i <= last; i++) {
        const text = row[i][k] ?? '';
        const more = k < row[i].length - 1;
        const padded = columns[i].numeric ? text.padStart(width[i]) : text.padEnd(width[i]);
        if (i === 0) line += ' ';
        if (i < last) line += `${padded}${more ? '+' : ' '}| `;
        else line += more ? `${padded}+` : columns[i].numeric ? padded : text;
      }
      lines.push(line);
    }
  }
  lines.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${lines.join('\n')}\n\n`;
}

export function myCell(v: Cell): string {
  return v === null ? 'NULL' : v === true ? '1' : v === false ? '0' : String(v);
}

export function mysqlTable(columns: Column[], rows: string[][]): string {
  const width = columns.map((c, i) => Math.max(c.name.length, ...rows.map((r) => r[i].length)));
  const rule = `+${width.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: string[], align: boolean) => `| ${cells.map((v, i) => (align && columns[i].numeric ? v.padStart(width[i]) : v.padEnd(width[i]))).join(' | ')} |`;
  return `${[rule, line(columns.map((c) => c.name), false), rule, ...rows.map((r) => line(r, true)), rule].join('\n')}\n`;
}

export function mysqlBatch(columns: Column[], rows: string[][], headers: boolean): string {
  const lines = rows.map((r) => r.map((v) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')).join('\t'));
  return [...(headers ? [columns.map((c) => c.name).join('\t')] : []), ...lines].map((l) => `${l}\n`).join('');
}
