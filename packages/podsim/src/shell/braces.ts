/** bash brace expansion (`{a,b}`, `{1..3}`), applied to unquoted text before any other expansion. */
import type { Word, WordPart } from './ast.js';

const BRACE = /\{([^{}]*,[^{}]*|-?\d+\.\.-?\d+|[a-zA-Z]\.\.[a-zA-Z])\}/;

function alternatives(body: string): string[] {
  const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])$/.exec(body);
  if (!range) return body.split(',');
  const numeric = /\d/.test(range[1]);
  const from = numeric ? Number(range[1]) : range[1].charCodeAt(0);
  const to = numeric ? Number(range[2]) : range[2].charCodeAt(0);
  const step = from <= to ? 1 : -1;
  const out: string[] = [];
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(numeric ? String(i) : String.fromCharCode(i));
  return out;
}

/** One word becomes several when an unquoted part holds a brace pattern; others are returned as is. */
export function expandBraces(w: Word): Word[] {
  const idx = w.parts.findIndex((p) => p.type === 'lit' && !p.quoted && BRACE.test(p.text));
  if (idx < 0) return [w];
  const part = w.parts[idx] as Extract<WordPart, { type: 'lit' }>;
  const m = BRACE.exec(part.text)!;
  const before = part.text.slice(0, m.index);
  const after = part.text.slice(m.index + m[0].length);
  return alternatives(m[1]).flatMap((alt) => {
    const parts = [...w.parts];
    parts[idx] = { ...part, text: before + alt + after };
    return expandBraces({ parts, raw: w.raw });
  });
}
