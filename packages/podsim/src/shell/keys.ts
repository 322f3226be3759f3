/** Splits terminal input into keys: printable text, control bytes and escape sequences. */

export type Key = { type: 'text'; text: string; pasted: boolean } | { type: 'ctrl'; name: string } | { type: 'incomplete'; rest: string };

const SEQUENCES: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[2~': 'insert',
  '\x1b[5~': 'pageup',
  '\x1b[6~': 'pagedown',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
  '\x1bd': 'kill-word',
  '\x1b\x7f': 'backward-kill-word',
  '\x1b[200~': 'paste-start',
  '\x1b[201~': 'paste-end',
};

const CONTROL: Record<string, string> = {
  '\x01': 'ctrl-a',
  '\x02': 'ctrl-b',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x05': 'ctrl-e',
  '\x06': 'ctrl-f',
  '\x07': 'ctrl-g',
  '\x08': 'backspace',
  '\x7f': 'backspace',
  '\t': 'tab',
  '\n': 'enter',
  '\r': 'enter',
  '\x0b': 'ctrl-k',
  '\x0c': 'ctrl-l',
  '\x0e': 'ctrl-n',
  '\x10': 'ctrl-p',
  '\x12': 'ctrl-r',
  '\x14': 'ctrl-t',
  '\x15': 'ctrl-u',
  '\x17': 'ctrl-w',
  '\x19': 'ctrl-y',
  '\x1a': 'ctrl-z',
};

/** Reads the first key of `data` (inside a bracketed paste when `pasting`); `used` chars consumed. */
export function firstKey(data: string, pasting: boolean): { key: Key | undefined; used: number; pasting: boolean } {
  const c = data[0];
  if (c === '\x1b') {
    const seq = Object.keys(SEQUENCES).find((s) => data.startsWith(s));
    if (seq) {
      const name = SEQUENCES[seq];
      if (name === 'paste-start') return { key: undefined, used: seq.length, pasting: true };
      if (name === 'paste-end') return { key: undefined, used: seq.length, pasting: false };
      return { key: { type: 'ctrl', name }, used: seq.length, pasting };
    }
    if (Object.keys(SEQUENCES).some((s) => s.startsWith(data))) return { key: { type: 'incomplete', rest: data }, used: data.length, pasting };
    // An unknown CSI sequence is skipped whole; a lone Esc is a key.
    // eslint-disable-next-line no-control-regex -- terminal escape sequences begin with ESC (\x1b)
    const csi = /^\x1b\[[0-9;?]*[ -/]*[@-~]/.exec(data);
    return csi ? { key: undefined, used: csi[0].length, pasting } : { key: { type: 'ctrl', name: 'escape' }, used: 1, pasting };
  }
  if (pasting && c === '\t') return { key: { type: 'text', text: c, pasted: true }, used: 1, pasting };
  if (CONTROL[c]) {
    // \r\n from a paste is one Enter.
    const used = c === '\r' && data[1] === '\n' ? 2 : 1;
    return { key: { type: 'ctrl', name: CONTROL[c] }, used, pasting };
  }
  if (c < ' ') return { key: undefined, used: 1, pasting };
  const ch = String.fromCodePoint(data.codePointAt(0)!);
  return { key: { type: 'text', text: ch, pasted: pasting }, used: ch.length, pasting };
}
