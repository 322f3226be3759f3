/** Backslash escapes as echo -e and printf expand them (`\c` stops all further output). */
export function expandEscapes(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (/[0-7]/.test(n) || (n === '0' && echoStyle)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(echoStyle && n === '0' ? i + 1 : i));
      const digits = m ? m[0] : '';
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += digits.length - (echoStyle && n === '0' ? 0 : 1);
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}
