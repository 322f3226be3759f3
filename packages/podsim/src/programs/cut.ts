/**
 * cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST: the pieces of each line a pipeline picks, as in
 * `kubectl get pods -o name | cut -d/ -f2`. A line without the delimiter is printed whole unless -s.
 */
import type { Program } from '../kernel/process.js';
import { readSources, reportOpenError } from './input.js';
import { badOption, fail, flavorOf, getopt, splitLines } from './util.js';

type Range = [number, number];

/** `2`, `1,3`, `2-`, `-3`, `1-2,5` (1-based, inclusive) or GNU cut's error text. */
function parseList(list: string, fields: boolean): Range[] | string {
  const out: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (part === '-') return 'invalid range with no endpoint: -';
    if (!m) return `invalid ${fields ? 'field' : 'byte or character'} value '${part}'`;
    const from = m[1] ? Number(m[1]) : part === '' ? 0 : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (from === 0 || to === 0) return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    out.push([from, to]);
  }
  return out;
}

function picks(ranges: Range[], n: number): number[] {
  const keep: number[] = [];
  for (let i = 1; i <= n; i++) if (ranges.some(([a, b]) => i >= a && i <= b)) keep.push(i - 1);
  return keep;
}

export const cut: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'f:d:c:b:sn');
  if (o.error) return badOption(proc, o.error);
  const gnu = flavorOf(proc) === 'gnu';
  const usage = (msg: string) => {
    fail(proc, msg);
    if (gnu) proc.stderr.write("Try 'cut --help' for more information.\n");
    return 1;
  };
  const mode = (['f', 'c', 'b'] as const).filter((k) => o.flags.has(k));
  if (mode.length === 0) return usage(gnu ? 'you must specify a list of bytes, characters, or fields' : 'expected a list of bytes, characters, or fields');
  if (mode.length > 1) return usage('only one list may be specified');
  const ranges = parseList(String(o.flags.get(mode[0])), mode[0] === 'f');
  if (typeof ranges === 'string') return usage(ranges);
  const delim = o.flags.has('d') ? String(o.flags.get('d')) : '\t';
  if (mode[0] !== 'f' && o.flags.has('d')) return usage('an input delimiter may be specified only when operating on fields');
  if (delim.length !== 1) return usage('the delimiter must be a single character');
  let status = 0;
  let out = '';
  for (const s of yield* readSources(proc, o.operands)) {
    if ('error' in s) {
      yield* reportOpenError(proc, s.name, s.error);
      status = 1;
      continue;
    }
    for (const line of splitLines(s.data)) {
      if (mode[0] !== 'f') {
        const chars = [...line];
        out += picks(ranges, chars.length).map((i) => chars[i]).join('') + '\n';
      } else if (!line.includes(delim)) {
        if (!o.flags.has('s')) out += line + '\n';
      } else {
        const fields = line.split(delim);
        out += picks(ranges, fields.length).map((i) => fields[i]).join(delim) + '\n';
      }
    }
  }
  proc.stdout.write(out);
  return status;
};
