/**
 * journalctl on a node: the kubelet unit's log (`-u kubelet`), the last N lines (`-n`), and `-f`
 * following new lines until Ctrl+C. Other units have no entries here.
 */
import type { Program } from '../../kernel/process.js';
import { sleep, wait } from '../../kernel/waitable.js';
import type { NodeMachineContext } from './node-machine.js';

export const journalctl: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let unit: string | undefined;
  let count: number | undefined;
  let follow = false;
  const unsupported = (a: string) => {
    proc.stderr.write(`journalctl: option ${a} is not available in this sandbox (-u, -n, -f, -e, -x, --no-pager are)\n`);
    return 1;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (long) {
      const [, name, inline] = long;
      if (name === 'follow') follow = true;
      else if (name === 'unit') unit = inline ?? args[++i];
      else if (name === 'lines') count = Number(inline ?? args[++i]);
      else if (name !== 'no-pager' && name !== 'full' && name !== 'pager-end' && name !== 'catalog') return unsupported(a);
      continue;
    }
    if (!/^-\w+$/.test(a)) return unsupported(a);
    // A short-option cluster (`-xeu kubelet`, `-fu kubelet`, `-n20`): u and n take the rest or the next word.
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'f') follow = true;
      else if (c === 'u' || c === 'n') {
        const v = a.slice(k + 1) || args[++i];
        if (c === 'u') unit = v;
        else count = Number(v);
        break;
      } else if (!'xel'.includes(c)) return unsupported(a);
    }
  }
  const journal = (proc.ctx as NodeMachineContext).kubelet.journal;
  const mine = () => (unit === undefined || unit.replace(/\.service$/, '') === 'kubelet' ? journal.lines() : []);
  const all = mine();
  const shown = count !== undefined && Number.isFinite(count) ? all.slice(Math.max(0, all.length - count)) : follow ? all.slice(-10) : all;
  if (shown.length === 0 && !follow) proc.stdout.write('-- No entries --\n');
  else proc.stdout.write(shown.map((l) => l + '\n').join(''));
  if (!follow) return 0;
  let seen = all.length;
  for (;;) {
    yield* wait(sleep(proc.clock, 1000));
    const now = mine();
    // The journal keeps a bounded tail: count from its end when lines were dropped.
    const fresh = now.length >= seen ? now.slice(seen) : now.slice(-1);
    if (fresh.length) proc.stdout.write(fresh.map((l) => l + '\n').join(''));
    seen = now.length;
  }
};
