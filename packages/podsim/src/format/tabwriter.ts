/**
 * Elastic tab stops as Go's text/tabwriter computes them, plus the RememberWidths flag of
 * github.com/liggitt/tabwriter that `kubectl get -w` relies on (column widths only grow across
 * flushes, so later rows drift right instead of re-aligning).
 *
 * Semantics kept from Go: a cell is text terminated by '\t' (or '\v'); the text after the last tab
 * of a line is not a cell of any column and is never padded; a column block is a run of consecutive
 * lines that all have a terminated cell in that column; a line with no tab ends every block (Go
 * flushes there), which is what gives `kubectl describe` its per-section alignment. Widths count
 * Unicode code points, as Go counts runes. AlignRight, DiscardEmptyColumns, FilterHTML and the
 * 0xff escape are never used by kubectl and are left out.
 * Models liggitt/tabwriter (fork of golang.org/src/text/tabwriter).
 */

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  padChar: string;
  rememberWidths?: boolean;
}

interface Cell {
  text: string;
  width: number;
}

/** `kubectl get` (cli-runtime printers.GetNewTabWriter). */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3, padChar: ' ', rememberWidths: true };
/** `kubectl describe` (describe.go tabbedString). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' };

export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a high surrogate followed by a low one is a single rune
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export class TabWriter {
  private readonly opts: TabWriterOptions;
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private out: string[] = [];

  constructor(opts: TabWriterOptions = GET_TABWRITER) {
    this.opts = opts;
  }

  static forGet(): TabWriter {
    return new TabWriter(GET_TABWRITER);
  }

  static forDescribe(): TabWriter {
    return new TabWriter(DESCRIBE_TABWRITER);
  }

  /** Per-column maximum widths remembered so far (RememberWidths only). */
  get rememberedWidths(): number[] {
    return [...this.maxWidths];
  }

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // \t \v \n \f
      if (ch !== 9 && ch !== 11 && ch !== 10 && ch !== 12) continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const line = this.lines[this.lines.length - 1];
      line.push({ text: this.cell, width: runeCount(this.cell) });
      this.cell = '';
      if (ch === 10 || ch === 12) {
        this.lines.push([]);
        // a one-cell line cannot influence the layout of later lines, so Go flushes here
        if (ch === 12 || line.length === 1) this.flushBuffered();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered and returns all output produced since the last flush. */
  flush(): string {
    this.flushBuffered();
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  private flushBuffered(): void {
    if (this.cell.length > 0) {
      this.lines[this.lines.length - 1].push({ text: this.cell, width: runeCount(this.cell) });
      this.cell = '';
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = this.opts.minWidth;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    if (!this.opts.rememberWidths) return width;
    const col = this.widths.length;
    if (this.maxWidths.length < col) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === col) {
      this.maxWidths.push(width);
      return width;
    }
    if (this.maxWidths[col] > width) return this.maxWidths[col];
    this.maxWidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        this.out.push(c.text);
        if (j < this.widths.length) this.out.push(this.pad(c.width, this.widths[j]));
      }
      // the final buffered line has no newline of its own; its text is the last cell
      if (i + 1 < this.lines.length) this.out.push('\n');
    }
  }

  private pad(textWidth: number, cellWidth: number): string {
    if (this.opts.padChar === '\t') {
      const tw = this.opts.tabWidth;
      if (tw === 0) return '';
      const rounded = Math.ceil(cellWidth / tw) * tw;
      return '\t'.repeat(Math.ceil((rounded - textWidth) / tw));
    }
    return this.opts.padChar.repeat(Math.max(0, cellWidth - textWidth));
  }
}

/** Terminal-escaping done on every table cell (cli-runtime printers.WriteEscaped). */
export function escapeTerminal(s: string): string {
  if (!s.includes('\x1b') && !s.includes('\r')) return s;
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

// eslint-disable-next-line no-control-regex -- ESC in a cell is a terminal sequence the printer must escape
const SPECIAL = /[\f\n\r\x1b]/;

/** A table cell as cli-runtime prints it: cut at the first line break with `...`, then escaped. */
export function tableCell(s: string): string {
  if (!SPECIAL.test(s)) return s;
  const cut = s.search(/[\f\n\r]/);
  return cut < 0 ? escapeTerminal(s) : escapeTerminal(s.slice(0, cut)) + '...';
}
