/** printf FORMAT [ARG]…: the format is reused while arguments remain, as POSIX printf does. */
import type { Program } from '../kernel/process.js';
import { expandEscapes } from './escapes.js';
import { progName } from './util.js';

const SPEC = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([diouxXeEfgGcsb%])/g;

export const printf: Program = function* (proc) {
  const [format, ...args] = proc.argv.slice(1);
  if (format === undefined) {
    proc.stderr.write(`${progName(proc)}: missing operand\n`);
    return 1;
  }
  let status = 0;
  let out = '';
  let i = 0;
  const next = () => (i < args.length ? args[i++] : undefined);
  do {
    const start = i;
    let stop = false;
    const text = format.replace(SPEC, (_all, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const w = width === '*' ? Number(next() ?? 0) : width !== undefined ? Number(width) : undefined;
      const p = prec === '*' ? Number(next() ?? 0) : prec !== undefined ? Number(prec) : undefined;
      const arg = next();
      let s: string;
      if (conv === 's') s = p !== undefined ? (arg ?? '').slice(0, p) : (arg ?? '');
      else if (conv === 'b') {
        const r = expandEscapes(arg ?? '', true);
        if (r.stop) stop = true;
        s = r.text;
      } else if (conv === 'c') s = (arg ?? '').slice(0, 1);
      else {
        const raw = arg ?? '0';
        const n = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw.startsWith("'") || raw.startsWith('"') ? raw.charCodeAt(1) : NaN;
        if (Number.isNaN(n)) {
          proc.stderr.write(`${progName(proc)}: invalid number '${raw}'\n`);
          status = 1;
        }
        const v = Number.isNaN(n) ? 0 : n;
        if ('di'.includes(conv)) s = String(Math.trunc(v));
        else if (conv === 'u') s = String(Math.abs(Math.trunc(v)));
        else if (conv === 'o') s = Math.trunc(v).toString(8);
        else if (conv === 'x') s = Math.trunc(v).toString(16);
        else if (conv === 'X') s = Math.trunc(v).toString(16).toUpperCase();
        else if ('eE'.includes(conv)) s = v.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        else if ('gG'.includes(conv)) s = String(Number(v.toPrecision(p ?? 6)));
        else s = v.toFixed(p ?? 6);
        if (flags.includes('+') && v >= 0) s = `+${s}`;
        if (conv === 'E' || conv === 'G') s = s.toUpperCase();
      }
      if (w !== undefined && s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && !'sc'.includes(conv) ? s.padStart(w, '0') : s.padStart(w);
      return s;
    });
    const r = expandEscapes(text, false);
    out += r.text;
    if (r.stop || stop) break;
    if (i === start) break;
  } while (i < args.length);
  proc.stdout.write(out);
  return status;
};
