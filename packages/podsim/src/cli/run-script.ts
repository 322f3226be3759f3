/**
 * `podsim run`: types a script into a fresh sandbox line by line and returns the transcript —
 * `$ line` then everything the terminal showed, background output included, in virtual-time order.
 */
import { cleanRunOutput, DEFAULT_RUN_MAX_MS, Sandbox } from '../host/sandbox.js';
import { plainText } from '../format/screen-text.js';

export interface RunScriptOptions {
  files?: Record<string, string>;
  seed?: number;
  workers?: number;
  cols?: number;
  /** Longest a line may run before the next one is typed (virtual ms). */
  maxLineMs?: number;
  /** Virtual time the reader waits after each line before typing the next (background output shows meanwhile). */
  thinkMs?: number;
  /** What the reader does in the editor `vi FILE` opens: new content to save, or undefined to quit unchanged. */
  editor?: (path: string, content: string) => string | undefined;
}

/** How long a reader lets a command run before pressing Ctrl+C on the next line (virtual ms). */
export const INTERRUPT_AFTER_MS = 1000;

/** `^C` (or `ctrl+c`, as the course writes it) alone on a line means: press Ctrl+C. */
export function isInterruptLine(line: string): boolean {
  return /^\s*(\^C|ctrl\+c)\s*$/i.test(line);
}

/** Output that arrived while the reader was thinking (background jobs), as whole lines. */
function backgroundText(raw: string): string {
  const text = plainText(raw).replace(/\n$/, '');
  return text === '' ? '' : text + '\n';
}

/** A foreground `sleep N…` (GNU units s, m, h, d; several arguments add up): how long it lets pass, in ms. */
export function sleepMs(line: string): number | undefined {
  const m = /^\s*sleep((?:\s+\d+(?:\.\d+)?[smhd]?)+)\s*$/.exec(line);
  if (!m) return undefined;
  const unit: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return m[1]
    .trim()
    .split(/\s+/)
    .reduce((sum, a) => sum + parseFloat(a) * unit[/[smhd]$/.test(a) ? a.slice(-1) : 's'], 0);
}

export interface ScriptResult {
  transcript: string;
  /** Lines (1-based) whose command ended with a non-zero status, not counting lines the script interrupts with ^C. */
  failures: { line: number; text: string; status: number }[];
}

export function runScript(script: string, opts: RunScriptOptions = {}): string {
  return runScriptDetailed(script, opts).transcript;
}

export function runScriptDetailed(script: string, opts: RunScriptOptions = {}): ScriptResult {
  const failures: ScriptResult['failures'] = [];
  const sb = new Sandbox({ seed: opts.seed, workers: opts.workers, files: opts.files, cols: opts.cols ?? 80, rows: 24 });
  const edit = opts.editor;
  if (edit)
    sb.onOpenEditor((req) => {
      const next = edit(req.path, req.content);
      if (next !== undefined) sb.writeFile(req.path, next);
      sb.editorClosed(req.path, next !== undefined);
    });
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  let transcript = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    const interrupted = next !== undefined && isInterruptLine(next);
    const base = opts.maxLineMs ?? DEFAULT_RUN_MAX_MS;
    // A sleep longer than the usual patience still ends before the next line, as its help promises.
    const max = interrupted ? INTERRUPT_AFTER_MS : Math.max(base, (sleepMs(line) ?? 0) + 1000);
    if (isInterruptLine(line)) {
      const raw = sb.captureOutput(() => {
        sb.write('\x03');
        sb.settle(opts.maxLineMs ?? DEFAULT_RUN_MAX_MS);
      });
      transcript += `$ ^C\n${cleanRunOutput(raw, '^C')}`;
      continue;
    }
    const r = sb.runLine(line, max);
    transcript += `$ ${line}\n${r.output}`;
    if (r.exitCode !== 0 && !interrupted) failures.push({ line: i + 1, text: line, status: r.exitCode });
    if (opts.thinkMs && max !== INTERRUPT_AFTER_MS) transcript += backgroundText(sb.captureOutput(() => sb.advance(opts.thinkMs!)));
  }
  return { transcript, failures };
}
