/**
 * Turns terminal output bytes into the plain text a reader would see, for transcripts and run():
 * carriage returns and backspaces overwrite, cursor moves and erases apply, colours and modes
 * are dropped. Clearing the screen keeps what was there (a transcript is a scrollback).
 */
export class ScreenText {
  private lines: string[][] = [[]];
  private row = 0;
  private col = 0;
  private pending = '';

  write(data: string): void {
    const s = this.pending + data;
    this.pending = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '\x1b') {
        // eslint-disable-next-line no-control-regex -- terminal escape sequences begin with ESC (\x1b)
        const m = /^\x1b(?:\[([0-9;?]*)([ -/]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78cDEHMNOZ])/.exec(s.slice(i));
        if (!m) {
          if (s.length - i < 32) {
            this.pending = s.slice(i);
            return;
          }
          continue;
        }
        if (m[3]) this.csi(m[1] ?? '', m[3]);
        i += m[0].length - 1;
        continue;
      }
      if (c === '\r') this.col = 0;
      else if (c === '\n') this.newline();
      else if (c === '\b') this.col = Math.max(0, this.col - 1);
      else if (c === '\t') this.col = (Math.floor(this.col / 8) + 1) * 8;
      else if (c >= ' ' || c > '\x7f') this.put(c);
    }
  }

  private newline(): void {
    this.row++;
    this.col = 0;
    if (this.row >= this.lines.length) this.lines.push([]);
  }

  private put(c: string): void {
    const line = this.lines[this.row];
    while (line.length < this.col) line.push(' ');
    line[this.col++] = c;
  }

  private csi(params: string, final: string): void {
    const n = Math.max(1, Number(params.split(';')[0]) || 1);
    const line = this.lines[this.row];
    switch (final) {
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'C':
        this.col += n;
        break;
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row += n;
        while (this.lines.length <= this.row) this.lines.push([]);
        break;
      case 'K':
        if (params === '' || params === '0') line.length = Math.min(line.length, this.col);
        else if (params === '2') line.length = 0;
        break;
      case 'J':
        if (params === '' || params === '0') {
          line.length = Math.min(line.length, this.col);
          this.lines.length = this.row + 1;
        }
        break;
      case 'G':
        this.col = n - 1;
        break;
      default:
        break;
    }
  }

  /** Everything so far, trailing spaces trimmed per line. */
  text(): string {
    return this.lines.map((l) => l.join('').replace(/\s+$/, '')).join('\n');
  }
}

/** Plain text of a chunk of terminal output. */
export function plainText(data: string): string {
  const s = new ScreenText();
  s.write(data);
  return s.text();
}
