/**
 * The writer every describer prints through: text at indentation levels of two spaces, into a
 * describe-style tabwriter (padding 2, alignment blocks broken by lines without tabs), terminal
 * control characters escaped. Models kubectl pkg/describe/describe.go PrefixWriter / tabbedString.
 */
import { escapeTerminal, TabWriter } from '../../format/tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private readonly tw: TabWriter | undefined;
  private out = '';

  /** `aligned: false` keeps the tabs, as describe.NewPrefixWriter on a plain buffer (rollout history --revision). */
  constructor(opts: { aligned?: boolean } = {}) {
    this.tw = opts.aligned === false ? undefined : TabWriter.forDescribe();
  }

  /** Writes `text` (which carries its own tabs and newline) after `level` indentation steps. */
  write(level: number, text: string): void {
    this.put(escapeTerminal('  '.repeat(level) + text));
  }

  /** Go's fmt.Sprintln of one string: the text and a newline. */
  writeLine(text: string): void {
    this.put(escapeTerminal(text + '\n'));
  }

  private put(text: string): void {
    if (this.tw) this.tw.write(text);
    else this.out += text;
  }

  /** Ends the current alignment blocks (describe.go calls this before the Events table). */
  flush(): void {
    if (this.tw) this.out += this.tw.flush();
  }

  toString(): string {
    this.flush();
    return this.out;
  }
}

/** A writer that adds `indent` levels to everything (describe.go NewNestedPrefixWriter). */
export class NestedPrefixWriter {
  constructor(
    private readonly w: PrefixWriter,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.w.write(level + this.indent, text);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * Go's time.RFC1123Z layout in UTC (`Fri, 27 Nov 2026 09:00:03 +0000`). An unset time prints as Go's
 * zero time does.
 */
export function rfc1123z(timestamp: string | undefined | null): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
