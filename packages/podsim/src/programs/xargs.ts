/**
 * xargs [-0] [-n N] [-I R | -L N] [-r] [-t] [COMMAND [ARGS]]: runs COMMAND (echo by default) with
 * the words of stdin appended, as many at a time as -n allows, or once per line with -I's
 * replacement. Exit status as POSIX sets it: 123 when an invocation failed, 126/127 when the
 * command could not run, 124 when one exited 255.
 */
import type { Program } from '../kernel/process.js';
import { emptyInput } from '../kernel/streams.js';
import { wait } from '../kernel/waitable.js';
import { badOption, flavorOf, getopt, progName, readAll } from './util.js';

/** Words of xargs input: blanks separate, quotes and backslashes group (as without -0/-d). */
function words(text: string): string[] | string {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n') return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      cur = (cur ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + c;
  }
  if (quote) return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
  if (cur !== undefined) out.push(cur);
  return out;
}

export const xargs: Program = function* (proc) {
  const args = proc.argv.slice(1);
  // Options end at the command's name.
  const firstOperand = args.findIndex((a, i) => !a.startsWith('-') && !/^-[nILsdPE]$/.test(args[i - 1] ?? ''));
  const optionArgs = firstOperand < 0 ? args : args.slice(0, firstOperand);
  const o = getopt(optionArgs, '0n:I:L:rts:d:P:xE:', { long: { null: '0', 'no-run-if-empty': 'r', verbose: 't' } });
  if (o.error) return badOption(proc, o.error);
  const command = firstOperand < 0 ? ['echo'] : args.slice(firstOperand);
  const input = yield* readAll(proc);
  const replace = o.flags.get('I') as string | undefined;
  let items: string[];
  if (o.flags.has('0')) items = input.split('\0').filter((w, i, all) => w !== '' || i < all.length - 1);
  else if (o.flags.has('d')) items = input.split(String(o.flags.get('d')).replace(/^\\n$/, '\n')).filter((w, i, all) => w !== '' || i < all.length - 1);
  else if (replace !== undefined) items = input.split('\n').map((l) => l.replace(/^\s+/, '')).filter((l) => l !== '');
  else {
    const w = words(input);
    if (typeof w === 'string') {
      proc.stderr.write(`${progName(proc)}: ${w}\n`);
      return 1;
    }
    items = w;
  }
  const perRun = replace !== undefined ? 1 : Number(o.flags.get('n') ?? o.flags.get('L') ?? Infinity);
  if (!(perRun > 0)) {
    proc.stderr.write(`${progName(proc)}: value ${String(o.flags.get('n') ?? o.flags.get('L'))} for -${o.flags.has('n') ? 'n' : 'L'} option should be >= 1\n`);
    return 1;
  }
  const batches: string[][] = [];
  for (let i = 0; i < items.length; i += perRun === Infinity ? items.length : perRun) batches.push(items.slice(i, i + perRun));
  // GNU runs the command once even for empty input (without -r); busybox does not.
  if (batches.length === 0 && !o.flags.has('r') && flavorOf(proc) === 'gnu' && replace === undefined) batches.push([]);
  let status = 0;
  for (const batch of batches) {
    const argv = replace !== undefined ? command.map((a) => a.split(replace).join(batch[0])) : [...command, ...batch];
    if (o.flags.has('t')) proc.stderr.write(`${argv.join(' ')}\n`);
    const found = proc.sys.resolve(argv[0], proc.env);
    if (!found) {
      proc.stderr.write(`${progName(proc)}: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
    const child = proc.ns.spawn({ argv, program: found.program, env: proc.env, cwd: proc.cwd, stdin: emptyInput, stdout: proc.stdout, stderr: proc.stderr, parent: proc, sys: proc.sys });
    const code = yield* wait(child.exited);
    if (code === 255) {
      proc.stderr.write(`${progName(proc)}: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code >= 128) return 125;
    if (code !== 0) status = 123;
  }
  return status;
};
