/**
 * The small language a demo step uses to say what it waits for, evaluated on a cluster snapshot.
 * A condition is one or more clauses joined by `and`; each clause names a subject and tests on it:
 *
 *   pod/port-conflict-pod ready                 a pod (name may use `*`) whose containers are all Ready
 *   pod/port-conflict-pod:web2 restarts>=2      one container of it
 *   pod/hello-world-onfailure-pod status=CrashLoopBackOff
 *   pod/nginx-pod gone                          no such pod any more
 *   event/Unhealthy object=pod/hello-world-* count>=3   events of that reason, counts summed
 *
 * Fields: pods have phase, status (the STATUS column), ready, restarts, deleting; containers have
 * state, reason, ready, restarts, exitCode, liveness, readiness; events have object, type, message,
 * count. Operators: = != >= <= > <, and a bare field means `=true`. String values may use `*`.
 */
import type { ClusterSnapshot, ContainerView, EventView, PodView } from 'podsim';

type Op = '=' | '!=' | '>=' | '<=' | '>' | '<';

interface Test {
  field: string;
  op: Op;
  value: string;
}

type Clause =
  | { kind: 'pod'; name: string; container?: string; gone: boolean; tests: Test[] }
  | { kind: 'event'; reason: string; tests: Test[] };

export interface WaitCondition {
  text: string;
  clauses: Clause[];
}

const POD_FIELDS = new Set(['phase', 'status', 'ready', 'restarts', 'deleting']);
const CONTAINER_FIELDS = new Set(['state', 'reason', 'ready', 'restarts', 'exitCode', 'liveness', 'readiness']);
const EVENT_FIELDS = new Set(['object', 'type', 'message', 'count']);
const TEST = /^([A-Za-z]+)(?:(!=|>=|<=|=|>|<)(.+))?$/;
const SUBJECT = /^(pod|event)\/([\w.*-]+)(?::([\w.-]+))?$/;

/** Parses a condition; throws an Error naming the bad part (pages fail to build on a typo). */
export function parseCondition(text: string): WaitCondition {
  const parts = text.trim().split(/\s+and\s+/);
  const clauses = parts.map((part): Clause => {
    const [subject, ...rest] = part.trim().split(/\s+/);
    const m = SUBJECT.exec(subject ?? '');
    if (!m) throw new Error(`wait condition "${text}": "${subject}" is not pod/NAME, pod/NAME:CONTAINER or event/REASON`);
    const [, kind, name, container] = m;
    if (kind === 'event' && container) throw new Error(`wait condition "${text}": events have no container`);
    const gone = kind === 'pod' && rest.length === 1 && rest[0] === 'gone';
    if (!gone && rest.length === 0) throw new Error(`wait condition "${text}": "${subject}" has no test`);
    const allowed = kind === 'event' ? EVENT_FIELDS : container ? CONTAINER_FIELDS : POD_FIELDS;
    const tests = gone
      ? []
      : rest.map((t): Test => {
          const tm = TEST.exec(t);
          if (!tm || !allowed.has(tm[1])) throw new Error(`wait condition "${text}": unknown test "${t}" (fields: ${[...allowed].join(', ')})`);
          return { field: tm[1], op: (tm[2] as Op | undefined) ?? '=', value: tm[3] ?? 'true' };
        });
    return kind === 'event' ? { kind: 'event', reason: name, tests } : { kind: 'pod', name, container, gone, tests };
  });
  return { text: text.trim(), clauses };
}

function glob(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

function compare(actual: string | number | boolean | undefined, op: Op, expected: string): boolean {
  if (actual === undefined) return op === '!=';
  if (typeof actual === 'number') {
    const n = Number(expected);
    switch (op) {
      case '=': return actual === n;
      case '!=': return actual !== n;
      case '>=': return actual >= n;
      case '<=': return actual <= n;
      case '>': return actual > n;
      case '<': return actual < n;
    }
  }
  const matches = glob(expected, String(actual));
  if (op === '=') return matches;
  if (op === '!=') return !matches;
  return false;
}

const podReady = (p: PodView) => p.phase === 'Running' && p.containers.length > 0 && p.containers.every((c) => c.init || c.ready);

function podField(p: PodView, field: string): string | number | boolean | undefined {
  switch (field) {
    case 'ready': return podReady(p);
    case 'phase': return p.phase;
    case 'status': return p.status;
    case 'restarts': return p.restarts;
    case 'deleting': return p.deleting;
  }
  return undefined;
}

function containerField(c: ContainerView, field: string): string | number | boolean | undefined {
  switch (field) {
    case 'liveness': return c.probes.liveness;
    case 'readiness': return c.probes.readiness;
    default: return c[field as keyof ContainerView] as string | number | boolean | undefined;
  }
}

function eventsHold(events: EventView[], reason: string, tests: Test[]): boolean {
  const filters = tests.filter((t) => t.field !== 'count');
  const matching = events.filter((e) => e.reason === reason && filters.every((t) => compare(e[t.field as keyof EventView], t.op, t.value)));
  const count = matching.reduce((n, e) => n + e.count, 0);
  const counts = tests.filter((t) => t.field === 'count');
  return counts.length ? counts.every((t) => compare(count, t.op, t.value)) : count > 0;
}

function clauseHolds(snap: ClusterSnapshot, c: Clause): boolean {
  if (c.kind === 'event') return eventsHold(snap.events, c.reason, c.tests);
  const pods = snap.pods.filter((p) => glob(c.name, p.name));
  if (c.gone) return pods.length === 0;
  return pods.some((p) => {
    if (!c.container) return c.tests.every((t) => compare(podField(p, t.field), t.op, t.value));
    const ct = p.containers.find((x) => x.name === c.container);
    return !!ct && c.tests.every((t) => compare(containerField(ct, t.field), t.op, t.value));
  });
}

export function conditionHolds(snap: ClusterSnapshot, cond: WaitCondition): boolean {
  return cond.clauses.every((c) => clauseHolds(snap, c));
}

/** What a run control needs of a sandbox to wait (SandboxApi directly, or through comlink). */
export interface WaitHost {
  snapshot(): ClusterSnapshot | Promise<ClusterSnapshot>;
  advance(ms: number): void | Promise<void>;
}

/** How far a step may move the cluster clock while it waits, and in what steps. */
export const WAIT_MAX_MS = 5 * 60_000;
const WAIT_STEP_MS = 1000;

export interface WaitOutcome {
  skippedMs: number;
  held: boolean;
}

/**
 * Lets cluster time run, a second at a time, until the condition holds or `maxMs` passed. Whole
 * seconds keep the skipped time readable and each step small enough to stop close to the moment.
 */
export async function waitFor(host: WaitHost, cond: WaitCondition, maxMs = WAIT_MAX_MS): Promise<WaitOutcome> {
  let skippedMs = 0;
  while (!conditionHolds(await host.snapshot(), cond)) {
    if (skippedMs >= maxMs) return { skippedMs, held: false };
    await host.advance(WAIT_STEP_MS);
    skippedMs += WAIT_STEP_MS;
  }
  return { skippedMs, held: true };
}

/**
 * The note the terminal shows, as a shell comment the reader could have typed; nothing when the
 * condition already held (a reader who took their time skips nothing).
 */
export function waitNote(cond: WaitCondition, outcome: WaitOutcome): string | undefined {
  const s = Math.round(outcome.skippedMs / 1000);
  if (outcome.held) return s > 0 ? `# ${s} s of cluster time skipped until ${cond.text}` : undefined;
  return `# ${s} s of cluster time skipped, and still not ${cond.text}`;
}
