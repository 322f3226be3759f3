/** printf(1) as the bash/ash builtin: the format is reused until all arguments are consumed. */
import { echoEscapes } from './basic.js';
import type { Builtin } from './types.js';

export function formatPrintf(format: string, args: string[], warn: (msg: string) => void): string {
  let out = '';
  let ai = 0;
  const next = () => args[ai++] ?? '';
  const toNum = (s: string) => {
    if (s === '') return 0;
    if (/^'./.test(s) || /^"./.test(s)) return s.codePointAt(1)!;
    const n = Number(s);
    if (!Number.isFinite(n)) {
      warn(`${s}: invalid number`);
      return 0;
    }
    return n;
  };
  do {
    const start = ai;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const r = echoEscapes(format.slice(i, i + 2));
        out += r.text;
        i++;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiouxXfeEgGcb%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = w === '*' ? toNum(next()) : w ? Number(w) : 0;
      const prec = p === '*' ? toNum(next()) : p !== undefined ? Number(p) : undefined;
      let s: string;
      const arg = next();
      switch (conv) {
        case 's':
          s = prec !== undefined ? arg.slice(0, prec) : arg;
          break;
        case 'b':
          s = echoEscapes(arg).text;
          break;
        case 'c':
          s = arg.slice(0, 1);
          break;
        case 'd':
        case 'i':
          s = String(Math.trunc(toNum(arg)));
          if (flags.includes('+') && !s.startsWith('-')) s = '+' + s;
          break;
        case 'u':
          s = String(Math.trunc(toNum(arg)));
          break;
        case 'o':
          s = Math.trunc(toNum(arg)).toString(8);
          break;
        case 'x':
        case 'X':
          s = Math.trunc(toNum(arg)).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        default:
          s = toNum(arg).toFixed(prec ?? 6);
      }
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[dioxXfu]/.test(conv))
          s = (s.startsWith('-') ? '-' : '') + s.replace(/^-/, '').padStart(width - (s.startsWith('-') ? 1 : 0), '0');
        else s = s.padStart(width);
      }
      out += s;
    }
    if (ai === start) break;
  } while (ai < args.length);
  return out;
}

export const printf: Builtin = function* (sh, argv, io) {
  if (argv.length < 2) {
    sh.error('printf: usage: printf [-v var] format [arguments]', io);
    return 2;
  }
  let status = 0;
  io.stdout.write(
    formatPrintf(argv[1], argv.slice(2), (m) => {
      sh.error(`printf: ${m}`, io);
      status = 1;
    }),
  );
  return status;
};
