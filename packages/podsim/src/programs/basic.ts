/** Tiny programs: true, false, echo, pwd, yes, seq, and the machine's identity (hostname, whoami, id, uname). */
import { machineOf } from '../kernel/machine.js';
import { accountNames, credentialsOf } from './accounts.js';
import type { Program } from '../kernel/process.js';
import { sleep, wait } from '../kernel/waitable.js';
import { expandEscapes } from './escapes.js';
import { badOption, fail, flavorOf, getopt, missingOperand } from './util.js';

export const trueProgram: Program = function* () {
  return 0;
};

export const falseProgram: Program = function* () {
  return 1;
};

export const echo: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    const f = args.shift() as string;
    for (const c of f.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const r = expandEscapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  proc.stdout.write(text + (newline ? '\n' : ''));
  return 0;
};

export const pwd: Program = function* (proc) {
  proc.stdout.write(`${proc.cwd}\n`);
  return 0;
};

/** Prints in batches with a pause between them, so a never-ending `yes` leaves virtual time moving. */
export const yes: Program = function* (proc) {
  const line = (proc.argv.length > 1 ? proc.argv.slice(1).join(' ') : 'y') + '\n';
  const batch = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  for (;;) {
    proc.stdout.write(batch);
    if ((proc.stdout as { isClosed?: boolean }).isClosed) return 141;
    yield* wait(sleep(proc.clock, 1));
  }
};

export const seq: Program = function* (proc) {
  const nums = proc.argv.slice(1);
  if (nums.length === 0 || nums.length > 3) return missingOperand(proc);
  for (const n of nums) if (!/^-?\d+(\.\d+)?$/.test(n)) return fail(proc, `invalid ${flavorOf(proc) === 'gnu' ? 'floating point argument' : 'number'}: '${n}'`);
  const v = nums.map(Number);
  const [first, step, last] = v.length === 1 ? [1, 1, v[0]] : v.length === 2 ? [v[0], 1, v[1]] : [v[0], v[1], v[2]];
  if (step === 0) return 1;
  const decimals = Math.max(...nums.map((n) => (n.includes('.') ? n.split('.')[1].length : 0)));
  let out = '';
  for (let x = first, i = 0; step > 0 ? x <= last + 1e-9 : x >= last - 1e-9; i++, x = first + i * step) out += `${x.toFixed(decimals)}\n`;
  proc.stdout.write(out);
  return 0;
};

export const hostname: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'isfdF:');
  if (o.error) return badOption(proc, o.error);
  const net = machineOf(proc).net;
  if (o.flags.has('i')) proc.stdout.write(`${net?.ip ?? '127.0.0.1'}\n`);
  else if (o.flags.has('f') || o.flags.has('s') || o.flags.has('d')) {
    const canonical = canonicalHostname(proc);
    const dot = canonical.indexOf('.');
    if (o.flags.has('f')) proc.stdout.write(`${canonical}\n`);
    else if (o.flags.has('s')) proc.stdout.write(`${dot < 0 ? canonical : canonical.slice(0, dot)}\n`);
    else if (dot >= 0) proc.stdout.write(`${canonical.slice(dot + 1)}\n`);
  } else proc.stdout.write(`${proc.sys.hostname()}\n`);
  return 0;
};

/** The resolver's name for the hostname: the first name of its /etc/hosts line (a pod's FQDN when it has a subdomain). */
function canonicalHostname(proc: Parameters<Program>[0]): string {
  const own = proc.sys.hostname();
  const lines = machineOf(proc).fs.readFileOr('/etc/hosts').split('\n');
  const names = lines.map((l) => l.replace(/#.*/, '').trim().split(/\s+/).slice(1)).find((n) => n.includes(own));
  return names?.[0] ?? own;
}

/** Name of `id` in `names`; a machine without credentials is its login user's own (the reader's machine). */
function named(proc: Parameters<Program>[0], names: Map<number, string>, id: number, own: number): string | undefined {
  const m = machineOf(proc);
  return names.get(id) ?? (!m.creds && id === own && m.user && !/^\d+$/.test(m.user) ? m.user : undefined);
}

export const whoami: Program = function* (proc) {
  const c = credentialsOf(proc);
  const name = named(proc, accountNames(machineOf(proc).fs, '/etc/passwd'), c.uid, c.uid);
  if (name === undefined) return fail(proc, flavorOf(proc) === 'gnu' ? `cannot find name for user ID ${c.uid}` : `unknown uid ${c.uid}`);
  proc.stdout.write(`${name}\n`);
  return 0;
};

export const id: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'ugnGr');
  if (o.error) return badOption(proc, o.error);
  const c = credentialsOf(proc);
  const fs = machineOf(proc).fs;
  const users = accountNames(fs, '/etc/passwd');
  const groupNames = accountNames(fs, '/etc/group');
  const user = (n: number) => named(proc, users, n, c.uid);
  const group = (n: number) => named(proc, groupNames, n, c.gid);
  const show = (n: number, name: string | undefined) => (name === undefined ? `${n}` : `${n}(${name})`);
  // GNU id lists the primary group first, then the others; busybox prints getgroups(2) as it comes.
  const groups = flavorOf(proc) === 'gnu' ? [c.gid, ...c.groups.filter((g) => g !== c.gid)] : c.groups.length ? c.groups : [c.gid];
  const byName = o.flags.has('n');
  if (o.flags.has('u')) proc.stdout.write(`${byName ? (user(c.uid) ?? c.uid) : c.uid}\n`);
  else if (o.flags.has('g')) proc.stdout.write(`${byName ? (group(c.gid) ?? c.gid) : c.gid}\n`);
  else if (o.flags.has('G')) proc.stdout.write(`${groups.map((g) => (byName ? (group(g) ?? g) : g)).join(' ')}\n`);
  else proc.stdout.write(`uid=${show(c.uid, user(c.uid))} gid=${show(c.gid, group(c.gid))} groups=${groups.map((g) => show(g, group(g))).join(',')}\n`);
  return 0;
};

const KERNEL = { release: '6.8.0-1015-gcp', version: '#17~22.04.1-Ubuntu SMP Tue Sep  3 16:11:52 UTC 2024', machine: 'x86_64' };

export const uname: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'asnrvmpio');
  if (o.error) return badOption(proc, o.error);
  const gnu = flavorOf(proc) === 'gnu';
  const os = gnu ? 'GNU/Linux' : 'Linux';
  const fields: string[] = [];
  const all = o.flags.has('a');
  if (all || o.flags.has('s') || o.flags.size === 0) fields.push('Linux');
  if (all || o.flags.has('n')) fields.push(proc.sys.hostname());
  if (all || o.flags.has('r')) fields.push(KERNEL.release);
  if (all || o.flags.has('v')) fields.push(KERNEL.version);
  if (all || o.flags.has('m')) fields.push(KERNEL.machine);
  if (!all && o.flags.has('p')) fields.push(gnu ? 'unknown' : KERNEL.machine);
  if (!all && o.flags.has('i')) fields.push(gnu ? 'unknown' : KERNEL.machine);
  if (all || o.flags.has('o')) fields.push(os);
  proc.stdout.write(`${fields.join(' ')}\n`);
  return 0;
};
