/**
 * An emacs-mode line editor (the parts of readline people use): cursor movement, kill/yank,
 * history with Up/Down and Ctrl+R, Tab completion with bash's list on the second Tab, bracketed
 * paste. It reads the terminal in raw mode and draws with plain VT100 sequences.
 */
import type { Tty } from '../kernel/tty.js';
import { wait, type Task } from '../kernel/waitable.js';
import type { History } from './history.js';
import { firstKey, type Key } from './keys.js';

export interface Completion {
  /** Index in the line where the completed word starts. */
  start: number;
  candidates: string[];
}

export interface EditorOptions {
  tty: Tty;
  history: History;
  complete?: (line: string, cursor: number) => Task<Completion>;
  /** Wrap the read in bracketed-paste mode (bash 5.1+ does). */
  bracketedPaste?: boolean;
}

export type EditResult = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'interrupt' };

// eslint-disable-next-line no-control-regex -- terminal escape sequences begin with ESC (\x1b)
const visible = (s: string) => [...s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')].length;

/** Shared by every edit on one terminal: the kill ring and any half-read escape sequence. */
const yankBuffers = new WeakMap<Tty, string>();

class LineState {
  chars: string[] = [];
  cursor = 0;
  /** Column offset (from the prompt start) where the cursor is on screen now. */
  constructor(
    readonly tty: Tty,
    public prompt: string,
  ) {}

  get text(): string {
    return this.chars.join('');
  }

  private write(s: string): void {
    this.tty.write(s);
  }

  /** Moves the screen cursor between two offsets counted from the prompt start. */
  private move(from: number, to: number): string {
    const cols = Math.max(1, this.tty.cols);
    const fr = Math.floor(from / cols);
    const tr = Math.floor(to / cols);
    const fc = from % cols;
    const tc = to % cols;
    let s = '';
    if (tr < fr) s += `\x1b[${fr - tr}A`;
    if (tr > fr) s += `\x1b[${tr - fr}B`;
    if (tc < fc) s += tc === 0 ? '\r' : fc - tc === 1 ? '\b' : `\x1b[${fc - tc}D`;
    if (tc > fc) s += `\x1b[${tc - fc}C`;
    return s;
  }

  showPrompt(): void {
    this.write(this.prompt + this.text + this.move(visible(this.prompt) + this.chars.length, visible(this.prompt) + this.cursor));
  }

  /** Redraws from `from` (a char index) to the end, then places the cursor. */
  redrawFrom(from: number, oldCursor: number): void {
    const p = visible(this.prompt);
    const tail = this.chars.slice(from).join('');
    this.write(this.move(p + oldCursor, p + from) + tail + '\x1b[K' + this.move(p + this.chars.length, p + this.cursor));
  }

  set(text: string, cursor = [...text].length): void {
    const old = this.cursor;
    this.chars = [...text];
    this.cursor = cursor;
    this.redrawFrom(0, old);
  }

  insert(text: string): void {
    const add = [...text];
    const atEnd = this.cursor === this.chars.length;
    const old = this.cursor;
    this.chars.splice(this.cursor, 0, ...add);
    this.cursor += add.length;
    if (atEnd) this.write(text);
    else this.redrawFrom(old, old);
  }

  remove(from: number, to: number): string {
    if (to <= from) return '';
    const old = this.cursor;
    const gone = this.chars.splice(from, to - from).join('');
    this.cursor = from;
    if (to === this.chars.length + (to - from) && old === to && to - from === 1) this.write('\b\x1b[K');
    else this.redrawFrom(from, old);
    return gone;
  }

  moveTo(pos: number): void {
    const p = visible(this.prompt);
    const to = Math.max(0, Math.min(this.chars.length, pos));
    this.write(this.move(p + this.cursor, p + to));
    this.cursor = to;
  }

  /** Moves the screen cursor below the line (before output or a new prompt). */
  finish(): void {
    const p = visible(this.prompt);
    this.write(this.move(p + this.cursor, p + this.chars.length) + '\n');
  }

  wordStart(): number {
    let i = this.cursor;
    while (i > 0 && /\s/.test(this.chars[i - 1])) i--;
    while (i > 0 && !/\s/.test(this.chars[i - 1])) i--;
    return i;
  }

  alnumWordStart(): number {
    let i = this.cursor;
    while (i > 0 && !/[A-Za-z0-9]/.test(this.chars[i - 1])) i--;
    while (i > 0 && /[A-Za-z0-9]/.test(this.chars[i - 1])) i--;
    return i;
  }

  alnumWordEnd(): number {
    let i = this.cursor;
    while (i < this.chars.length && !/[A-Za-z0-9]/.test(this.chars[i])) i++;
    while (i < this.chars.length && /[A-Za-z0-9]/.test(this.chars[i])) i++;
    return i;
  }
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** bash's completion list: sorted down columns, each column as wide as the longest entry + 2. */
export function formatColumns(items: string[], cols: number): string {
  const width = Math.max(...items.map((i) => [...i].length)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const idx = c * rows + r;
      if (idx < items.length) line.push(items[idx]);
    }
    out += line.map((s, i) => (i < line.length - 1 ? s.padEnd(width) : s)).join('') + '\n';
  }
  return out;
}

/** Reads one edited line from the terminal, leaving any further typed/pasted input for later. */
export function* editLine(opts: EditorOptions, prompt: string): Task<EditResult> {
  const { tty, history } = opts;
  const saved = tty.mode;
  tty.setMode({ canonical: false, echo: false, isig: false });
  if (opts.bracketedPaste) tty.write('\x1b[?2004h');
  const st = new LineState(tty, prompt);
  st.showPrompt();
  let histIndex = history.length;
  let draft = '';
  let pasting = false;
  let lastWasTab = false;
  let search: { query: string; index: number | undefined; failed: boolean; original: string } | undefined;
  let pending = '';

  const searchPrompt = () => `(${search!.failed ? 'failed ' : ''}reverse-i-search)\`${search!.query}': `;
  const drawSearch = () => {
    const match = search!.index !== undefined ? history.at(search!.index)! : '';
    st.moveTo(0);
    tty.write('\r\x1b[K');
    st.prompt = searchPrompt();
    st.chars = [...match];
    st.cursor = Math.max(0, match.indexOf(search!.query));
    st.showPrompt();
  };
  const endSearch = () => {
    const text = st.text;
    const cursor = st.cursor;
    st.moveTo(0);
    tty.write('\r\x1b[K');
    st.prompt = prompt;
    st.chars = [...text];
    st.cursor = cursor;
    st.showPrompt();
    search = undefined;
  };
  const done = (r: EditResult, rest: string): EditResult => {
    if (opts.bracketedPaste) tty.write('\x1b[?2004l\r');
    tty.setMode(saved);
    if (rest) tty.unread(rest);
    return r;
  };

  for (;;) {
    const chunk = yield* wait(tty.input.read());
    if (chunk === null) return done({ kind: 'eof' }, '');
    let data = pending + chunk;
    pending = '';
    while (data.length > 0) {
      const r = firstKey(data, pasting);
      data = data.slice(r.used);
      pasting = r.pasting;
      const key: Key | undefined = r.key;
      if (!key) continue;
      if (key.type === 'incomplete') {
        pending = key.rest;
        break;
      }
      const name = key.type === 'ctrl' ? key.name : '';
      if (search) {
        if (key.type === 'text') {
          search.query += key.text;
          const from = search.index !== undefined && history.at(search.index)!.includes(search.query) ? search.index + 1 : history.length;
          const found = history.searchBack(search.query, from);
          search.failed = found === undefined;
          if (found !== undefined) search.index = found;
          drawSearch();
          continue;
        }
        if (name === 'ctrl-r') {
          const found = history.searchBack(search.query, search.index ?? history.length);
          search.failed = found === undefined;
          if (found !== undefined) search.index = found;
          drawSearch();
          continue;
        }
        if (name === 'backspace') {
          search.query = search.query.slice(0, -1);
          const found = search.query ? history.searchBack(search.query, history.length) : undefined;
          search.index = found;
          search.failed = false;
          drawSearch();
          continue;
        }
        if (name === 'ctrl-g' || name === 'ctrl-c') {
          const original = search.original;
          endSearch();
          st.set(original);
          if (name === 'ctrl-g') continue;
        } else {
          if (search.index !== undefined) histIndex = search.index;
          endSearch();
          if (name === 'escape') continue;
        }
      }
      if (name !== 'tab') lastWasTab = false;
      if (key.type === 'text') {
        st.insert(key.text);
        continue;
      }
      switch (name) {
        case 'enter': {
          st.finish();
          const text = st.text;
          return done({ kind: 'line', text }, data);
        }
        case 'ctrl-c':
          st.moveTo(st.chars.length);
          tty.write('^C\n');
          return done({ kind: 'interrupt' }, '');
        case 'ctrl-d':
          if (st.chars.length === 0) return done({ kind: 'eof' }, '');
          st.remove(st.cursor, st.cursor + 1);
          break;
        case 'backspace':
          st.remove(st.cursor - 1, st.cursor);
          break;
        case 'delete':
          st.remove(st.cursor, st.cursor + 1);
          break;
        case 'left':
        case 'ctrl-b':
          st.moveTo(st.cursor - 1);
          break;
        case 'right':
        case 'ctrl-f':
          st.moveTo(st.cursor + 1);
          break;
        case 'home':
        case 'ctrl-a':
          st.moveTo(0);
          break;
        case 'end':
        case 'ctrl-e':
          st.moveTo(st.chars.length);
          break;
        case 'word-left':
          st.moveTo(st.alnumWordStart());
          break;
        case 'word-right':
          st.moveTo(st.alnumWordEnd());
          break;
        case 'ctrl-u':
          yankBuffers.set(tty, st.remove(0, st.cursor));
          break;
        case 'ctrl-k':
          yankBuffers.set(tty, st.remove(st.cursor, st.chars.length));
          break;
        case 'ctrl-w':
          yankBuffers.set(tty, st.remove(st.wordStart(), st.cursor));
          break;
        case 'backward-kill-word':
          yankBuffers.set(tty, st.remove(st.alnumWordStart(), st.cursor));
          break;
        case 'kill-word':
          yankBuffers.set(tty, st.remove(st.cursor, st.alnumWordEnd()));
          break;
        case 'ctrl-y':
          st.insert(yankBuffers.get(tty) ?? '');
          break;
        case 'ctrl-l':
          tty.write('\x1b[H\x1b[2J');
          st.showPrompt();
          break;
        case 'up':
        case 'ctrl-p':
          if (histIndex > 0) {
            if (histIndex === history.length) draft = st.text;
            histIndex--;
            st.set(history.at(histIndex)!);
          }
          break;
        case 'down':
        case 'ctrl-n':
          if (histIndex < history.length) {
            histIndex++;
            st.set(histIndex === history.length ? draft : history.at(histIndex)!);
          }
          break;
        case 'ctrl-r':
          search = { query: '', index: undefined, failed: false, original: st.text };
          drawSearch();
          break;
        case 'tab': {
          if (!opts.complete) break;
          const line = st.text;
          const c = yield* opts.complete(line, st.cursor);
          const word = [...line].slice(c.start, st.cursor).join('');
          const cands = [...new Set(c.candidates)].sort();
          if (cands.length === 0) {
            tty.write('\x07');
            break;
          }
          const replaceWord = (text: string) => {
            if (text.startsWith(word)) st.insert(text.slice(word.length));
            else {
              st.remove(c.start, st.cursor);
              st.insert(text);
            }
          };
          if (cands.length === 1) {
            replaceWord(cands[0].endsWith('/') ? cands[0] : cands[0] + ' ');
            break;
          }
          const prefix = commonPrefix(cands);
          if ([...prefix].length > [...word].length) {
            replaceWord(prefix);
            lastWasTab = false;
            break;
          }
          if (lastWasTab) {
            st.finish();
            tty.write(
              formatColumns(
                cands.map((x) => x.replace(/.*\/(?=.)/, '')),
                tty.cols,
              ),
            );
            st.showPrompt();
            lastWasTab = false;
          } else {
            tty.write('\x07');
            lastWasTab = true;
          }
          break;
        }
        default:
          break;
      }
    }
  }
}
