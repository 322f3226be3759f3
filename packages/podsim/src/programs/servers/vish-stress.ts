/**
 * vish/stress (github.com/vishh/stress): Go flags -cpus N, -mem-total Q, -mem-alloc-size Q,
 * -mem-alloc-sleep D. It burns N CPUs and allocates -mem-total in steps, then holds it forever;
 * over the container's memory limit the OOM killer ends it (137, OOMKilled). The image's
 * entrypoint passes -logtostderr, so its glog lines (main.go:26/29/39) are the container's log.
 */
import type { Program } from '../../kernel/process.js';
import { forever, sleep, wait } from '../../kernel/waitable.js';
import { strftime } from '../date.js';
import { busy } from '../cpu.js';
import { allocate } from '../memory.js';

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

function quantity(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text);
  return m ? Number(m[1]) * UNITS[m[2] ?? ''] : undefined;
}

function duration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(text);
  const ms: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return m ? Number(m[1]) * ms[m[2]] : text === '0' ? 0 : undefined;
}

const USAGE = `Usage of /stress:
  -cpus int
    \ttotal number of CPUs to utilize
  -mem-alloc-size string
    \tamount of memory to be consumed in each allocation (default "4Ki")
  -mem-alloc-sleep duration
    \tduration to sleep between allocations (default 1ms)
  -mem-total string
    \ttotal memory to be consumed. Memory will be consumed via multiple allocations. (default "0")
`;

/** glog's boolean flags (no value); its other flags take one. */
const GLOG_BOOL = new Set(['logtostderr', 'alsologtostderr']);
const GLOG_VALUE = new Set(['v', 'stderrthreshold', 'log_dir', 'vmodule', 'log_backtrace_at']);

export const vishStress: Program = function* (proc) {
  const flags: Record<string, string> = { cpus: '0', 'mem-total': '0', 'mem-alloc-size': '4Ki', 'mem-alloc-sleep': '1ms' };
  let toStderr = false;
  const args = proc.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) break;
    if (m[1] === 'h' || m[1] === 'help') {
      proc.stderr.write(USAGE);
      return 0;
    }
    if (GLOG_BOOL.has(m[1])) {
      toStderr ||= m[1] === 'logtostderr' || m[1] === 'alsologtostderr';
      continue;
    }
    if (!(m[1] in flags) && !GLOG_VALUE.has(m[1])) {
      proc.stderr.write(`flag provided but not defined: -${m[1]}\n${USAGE}`);
      return 2;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) {
      proc.stderr.write(`flag needs an argument: -${m[1]}\n${USAGE}`);
      return 2;
    }
    flags[m[1]] = value;
  }
  const cpus = Number(flags.cpus);
  if (!Number.isInteger(cpus)) {
    proc.stderr.write(`invalid value "${flags.cpus}" for flag -cpus: parse error\n${USAGE}`);
    return 2;
  }
  const total = quantity(flags['mem-total']);
  const step = quantity(flags['mem-alloc-size']);
  const pause = duration(flags['mem-alloc-sleep']);
  if (pause === undefined) {
    proc.stderr.write(`invalid value "${flags['mem-alloc-sleep']}" for flag -mem-alloc-sleep: parse error\n${USAGE}`);
    return 2;
  }
  // resource.MustParse panics on a bad quantity.
  const bad = total === undefined ? flags['mem-total'] : step === undefined ? flags['mem-alloc-size'] : undefined;
  if (bad !== undefined || total === undefined || step === undefined) {
    proc.stderr.write(`panic: cannot parse '${bad}': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n\ngoroutine 1 [running]:\nmain.main()\n`);
    return 2;
  }
  const log = (line: number, msg: string) => {
    if (!toStderr) return;
    const t = proc.clock.now();
    proc.stderr.write(`I${strftime('%m%d %H:%M:%S', t)}.${String(t % 1000).padStart(3, '0')}000 ${String(proc.pid).padStart(7)} main.go:${line}] ${msg}\n`);
  };
  log(26, `Allocating "${flags['mem-total']}" memory, in "${flags['mem-alloc-size']}" chunks, with a ${flags['mem-alloc-sleep']} sleep between allocations`);
  for (let i = 0; i < cpus; i++) log(39, 'Spawning a thread to consume CPU');
  busy(proc, cpus);
  // Allocating in many small steps: charged in at most 100 slices so a large total stays cheap.
  const slices = Math.min(100, Math.ceil(total / Math.max(step, 1)));
  for (let done = 0, i = 0; i < slices; i++) {
    const bytes = Math.round((total * (i + 1)) / slices) - done;
    if (!allocate(proc, bytes)) return 137;
    done += bytes;
    yield* wait(sleep(proc.clock, Math.max(1, (pause * total) / Math.max(step, 1) / slices)));
  }
  log(29, `Allocated "${flags['mem-total']}" memory`);
  yield* wait(forever);
  return 0;
};
