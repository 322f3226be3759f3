/** sleep N[smhd]… in virtual time (fractions allowed; `infinity` never ends). */
import type { Program } from '../kernel/process.js';
import { forever, sleep as sleepFor, wait } from '../kernel/waitable.js';
import { fail, flavorOf, missingOperand } from './util.js';

const UNIT: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleep: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const gnu = flavorOf(proc) === 'gnu';
  if (args.length === 0) return missingOperand(proc);
  let total = 0;
  for (const a of args) {
    if (a === 'inf' || a === 'infinity') {
      yield* wait(forever);
      return 0;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return gnu ? fail(proc, `invalid time interval '${a}'\nTry 'sleep --help' for more information.`) : fail(proc, `invalid number '${a}'`);
    total += Number(m[1]) * UNIT[m[2]];
  }
  yield* wait(sleepFor(proc.clock, Math.round(total)));
  return 0;
};
