/**
 * The reader's pace as the page shows it: the ages its `kubectl get` printed say how long after
 * creating its objects the page's reader typed the command.
 */
import type { Sandbox } from '../../src/host/sandbox.js';
import type { CorpusStep } from './corpus.js';

/** Longest a page's printed ages make the reader wait before one `kubectl get` (virtual). */
const AGE_WAIT_MAX_MS = 15 * 60_000;
/** What a page's `kubectl get` lists, whose ages say when its reader typed it. */
const LISTED = ['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims'];

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
 * A page's `kubectl get` shows how long its reader took to type it: the youngest object it lists was
 * that old. The reader here has read the same prose, so they type it when the youngest of the same
 * objects is as old (a page that kept its cluster running for days does not make them wait that long).
 */
export function waitAsThePage(sb: Sandbox, step: CorpusStep, own: (name: string) => string): void {
  if (step.expected === undefined || !/^kubectl\s+get\s/.test(step.command) || /\s(-w|--watch)\b/.test(step.command)) return;
  const created = new Map<string, number>();
  for (const r of LISTED) {
    const l = sb.cluster.api.list(r, undefined);
    if (l.ok) for (const o of l.value.items) created.set(o.metadata.name ?? '', Date.parse(o.metadata.creationTimestamp ?? ''));
  }
  let page = Infinity;
  let ours = Infinity;
  for (const row of listedAges(step.expected)) {
    const at = created.get(own(row.name));
    if (at === undefined || Number.isNaN(at)) continue;
    page = Math.min(page, row.seconds * 1000);
    ours = Math.min(ours, sb.now() - at);
  }
  const wait = page - ours;
  if (wait > 0 && wait <= AGE_WAIT_MAX_MS) sb.advance(wait);
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
