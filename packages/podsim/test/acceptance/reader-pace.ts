/**
 * The reader's pace as the page shows it: the ages its `kubectl get` printed, and the event ages its
 * `kubectl describe` printed, say how long after creating its objects the page's reader typed the command.
 */
import type { Sandbox } from '../../src/host/sandbox.js';
import type { CorpusStep } from './corpus.js';

/** Longest a page's printed ages make the reader wait before one `kubectl get` (virtual). */
const AGE_WAIT_MAX_MS = 15 * 60_000;
/** What a page's `kubectl get` lists, whose ages say when its reader typed it. */
const LISTED = ['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'ingresses'];

/** kubectl's HumanDuration cell (`72s`, `2m3s`, `12m`, `3h4m`, `5d`) in seconds. */
export function ageSeconds(cell: string): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(cell);
  if (!m || cell === '') return undefined;
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/** The NAME and AGE cells of the tables in a page's `kubectl get` output. */
export function listedAges(output: string): { name: string; seconds: number }[] {
  const out: { name: string; seconds: number }[] = [];
  let at: number | undefined;
  for (const line of output.split('\n')) {
    if (line.trim() === '') at = undefined;
    else if (/^NAME\s/.test(line) && /\sAGE(\s|$)/.test(line)) at = line.search(/\sAGE(\s|$)/) + 1;
    else if (at !== undefined) {
      const seconds = ageSeconds(line.slice(at).trim().split(/\s+/)[0] ?? '');
      const name = line.split(/\s+/)[0].replace(/^[\w.-]+\//, '');
      if (seconds !== undefined) out.push({ name, seconds });
    }
  }
  return out;
}

/**
 * The oldest event in the events table a page's `kubectl describe` printed, in seconds: an `Age` cell is
 * the last time an event was seen, `10s (x3 over 20s)` also the first (kubectl describe DescribeEvents).
 */
export function oldestEvent(output: string): number | undefined {
  let oldest: number | undefined;
  let at: number | undefined;
  for (const line of output.split('\n')) {
    const header = /^(\s*Type\s+Reason\s+)Age\s+From\s+Message\s*$/.exec(line);
    if (header) at = header[1].length;
    else if (line.trim() === '') at = undefined;
    else if (at !== undefined && !/^\s*-+\s/.test(line)) {
      const m = /^(\S+)(?: \(x\d+ over (\S+)\))?/.exec(line.slice(at));
      const seconds = m ? ageSeconds(m[2] ?? m[1]) : undefined;
      if (seconds !== undefined) oldest = Math.max(oldest ?? 0, seconds);
    }
  }
  return oldest;
}

/** When each object of the kinds a page lists or describes was created here, by name. */
function creationTimes(sb: Sandbox): Map<string, number> {
  const created = new Map<string, number>();
  for (const r of LISTED) {
    const l = sb.cluster.api.list(r, undefined);
    if (l.ok) for (const o of l.value.items) created.set(o.metadata.name ?? '', Date.parse(o.metadata.creationTimestamp ?? ''));
  }
  return created;
}

/** How much longer the page's reader waited than ours has, if they waited longer (and not that long). */
function waitFor(sb: Sandbox, pageMs: number, oursMs: number): void {
  const wait = pageMs - oursMs;
  if (wait > 0 && wait <= AGE_WAIT_MAX_MS) sb.advance(wait);
}

/**
 * A page's `kubectl get` shows how long its reader took to type it: the youngest object it lists was
 * that old. The reader here has read the same prose, so they type it when the youngest of the same
 * objects is as old (a page that kept its cluster running for days does not make them wait that long).
 * A page's `kubectl describe` shows it by the oldest event of the object it describes (its Scheduled,
 * SuccessfulCreate or ScalingReplicaSet event, recorded as the object was created).
 */
export function waitAsThePage(sb: Sandbox, step: CorpusStep, own: (name: string) => string): void {
  if (step.expected === undefined || /\s(-w|--watch)\b/.test(step.command)) return;
  if (/^kubectl\s+describe\s/.test(step.command)) {
    const page = oldestEvent(step.expected);
    const name = describedName(step.command);
    const at = name === undefined ? undefined : creationTimes(sb).get(own(name));
    if (page !== undefined && at !== undefined && !Number.isNaN(at)) waitFor(sb, page * 1000, sb.now() - at);
    return;
  }
  if (!/^kubectl\s+get\s/.test(step.command)) return;
  const created = creationTimes(sb);
  let page = Infinity;
  let ours = Infinity;
  for (const row of listedAges(step.expected)) {
    const at = created.get(own(row.name));
    if (at === undefined || Number.isNaN(at)) continue;
    page = Math.min(page, row.seconds * 1000);
    ours = Math.min(ours, sb.now() - at);
  }
  waitFor(sb, page, ours);
}

/**
 * A page's `kubectl get` listing an object younger than a reader's usual pace shows its reader typed it that soon
 * after the object was made (an age cell is whole seconds, so halfway into the second it shows): when the same
 * object was just made here too, the reader here types as soon, instead of after `usualMs`.
 */
export function paceAsThePage(sb: Sandbox, step: CorpusStep, own: (name: string) => string, usualMs: number): number {
  if (step.expected === undefined || /\s(-w|--watch)\b/.test(step.command) || !/^kubectl\s+get\s/.test(step.command)) return usualMs;
  const created = creationTimes(sb);
  let pace = usualMs;
  for (const row of listedAges(step.expected)) {
    const at = created.get(own(row.name));
    if (at === undefined || Number.isNaN(at)) continue;
    const age = sb.now() - at;
    if (age < usualMs) pace = Math.min(pace, Math.max(0, row.seconds * 1000 + 500 - age));
  }
  return pace;
}

/** The one object a `kubectl describe TYPE NAME` or `kubectl describe TYPE/NAME` names, if it names one. */
export function describedName(command: string): string | undefined {
  if (/\s(-f|--filename|-l|--selector|-A|--all-namespaces)\b|[|;&]/.test(command)) return undefined;
  const args = command.trim().split(/\s+/).slice(2).filter((a) => !a.startsWith('-'));
  if (args.length === 1 && args[0].includes('/')) return args[0].slice(args[0].indexOf('/') + 1);
  return args.length === 2 && !args[0].includes('/') ? args[1] : undefined;
}

/** metrics-server's --metric-resolution in the release manifest: how often a new pod can get its first metrics. */
const SCRAPE_MS = 15_000;
/** What `kubectl top` says while metrics-server has not yet scraped a new pod (a NotFound PodMetrics, an empty list). */
const NOT_SCRAPED_YET = /podmetrics\.metrics\.k8s\.io "[^"]+" not found|^error: metrics not available yet/m;

/**
 * A pod's metrics come one or two scrapes after it started (metrics-server rates CPU between two samples):
 * a reader whose `kubectl top` says they are not there yet waits a scrape and types it again (a few times at most).
 */
export function typeAgainWhileScraping(sb: Sandbox, type: () => { output: string; exitCode: number }): { output: string; exitCode: number } {
  let typed = type();
  for (let i = 0; i < 3 && typed.exitCode !== 0 && NOT_SCRAPED_YET.test(typed.output); i++) {
    sb.advance(SCRAPE_MS);
    typed = type();
  }
  return typed;
}
