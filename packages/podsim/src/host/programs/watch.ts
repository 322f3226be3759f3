/** watch(1) from procps: reruns a command every N seconds on a cleared screen until interrupted. */
import type { Program } from '../../kernel/process.js';
import { SIGNALS } from '../../kernel/signals.js';
import { StringSink } from '../../kernel/streams.js';
import { sleep, wait } from '../../kernel/waitable.js';
import { ttyOf } from '../../kernel/tty.js';
import { shellMain, BASH } from '../../shell/index.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3)-style date as watch's header shows it: `Fri Nov 27 09:00:00 2026`. */
export function ctimeDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const watch: Program = function* (proc) {
  const args = proc.argv.slice(1);
  let interval = 2;
  let title = true;
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-n' || a === '--interval') interval = Number(args.shift());
    else if (/^-n\d/.test(a)) interval = Number(a.slice(2));
    else if (a.startsWith('--interval=')) interval = Number(a.slice(11));
    else if (a === '-t' || a === '--no-title') title = false;
    else if (a === '--') break;
  }
  if (args.length === 0) {
    proc.stderr.write('\nUsage:\n watch [options] command\n');
    return 1;
  }
  if (!Number.isFinite(interval) || interval < 0.1) interval = 0.1;
  const command = args.join(' ');
  const cols = ttyOf(proc.stdout)?.cols ?? 80;
  proc.stdout.write('\x1b[?1049h');
  // Leave the alternate screen, then die of the signal so the shell prints its newline.
  proc.trap(SIGNALS.SIGINT, () => {
    proc.stdout.write('\x1b[?1049l');
    proc.terminate(128 + SIGNALS.SIGINT, SIGNALS.SIGINT);
  });
  for (;;) {
    const sink = new StringSink();
    const child = proc.ns.spawn({
      argv: ['sh', '-c', command],
      program: (p) => shellMain(BASH, p, ['sh', '-c', command]),
      stdin: proc.stdin,
      stdout: sink,
      stderr: sink,
      parent: proc,
      sys: proc.sys,
    });
    yield* wait(child.exited);
    let screen = '\x1b[H\x1b[2J';
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${command}`;
      const right = `${proc.sys.hostname()}: ${ctimeDate(proc.clock.now())}`;
      screen += left + ' '.repeat(Math.max(1, cols - left.length - right.length)) + right + '\n\n';
    }
    proc.stdout.write(screen + sink.text);
    yield* wait(sleep(proc.clock, interval * 1000));
  }
};
