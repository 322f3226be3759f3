/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER]`: containers' logs from their
 * kubelet, with --tail, --since/--since-time, --timestamps, --prefix, --all-containers, and -f following
 * until the containers stop (several streams at once up to --max-log-requests).
 * Models kubectl pkg/cmd/logs/logs.go as steps: Complete (arguments, options), the lookup of the object
 * that ends upstream's Complete, Validate, then Run, where the log requests are all built before the
 * first is read.
 */
import { rfc3339Nano } from '../../../api/objects.js';
import type { Pod } from '../../../api/types.js';
import { parseRfc3339 } from '../../../format/rfc3339.js';
import type { ContainerLog, LogLine } from '../../../runtime/types.js';
import { Deferred, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { enhanceListError } from '../../objects.js';
import { findResource } from '../../../api/resources.js';
import { containerFor, podFor } from '../../pods.js';
import { CONTAINER_FLAG } from '../exec/exec.js';
import { failed, runSteps, type Completed, type VerbSteps } from '../../steps.js';

const FLAGS: FlagSpec[] = [
  { name: 'all-containers', type: 'bool', default: false, help: 'Print the logs of every container of the pod.' },
  CONTAINER_FLAG,
  { name: 'follow', short: 'f', type: 'bool', default: false, help: 'Keep printing new lines.' },
  { name: 'max-log-requests', type: 'int', default: 5, help: 'With a selector, how many logs may be followed at once.' },
  { name: 'prefix', type: 'bool', default: false, help: 'Prefix each line with pod/container names.' },
  { name: 'previous', short: 'p', type: 'bool', default: false, help: 'Print the log of the previous instance of the container.' },
  { name: 'selector', short: 'l', type: 'string', help: 'Label selector of pods.' },
  { name: 'since', type: 'duration', default: '0s', help: 'Only lines newer than this duration (e.g. 5s, 2m).' },
  { name: 'since-time', type: 'string', help: 'Only lines at or after this RFC3339 time.' },
  { name: 'tail', type: 'int', default: -1, help: 'Number of recent lines to print (-1: all; 10 with a selector).' },
  { name: 'timestamps', type: 'bool', default: false, help: 'Prefix each line with its RFC3339 timestamp.' },
];

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** The lines every request asks for (PodLogOptions). */
interface LogOptions {
  /** Epoch ms of the oldest line wanted, or undefined. */
  since?: number;
  tail: number;
}

/** One container's log as a request: built first, read later. */
interface LogRequest {
  pod: Pod;
  container: string;
  prefix: string;
}

function lineText(inv: Invocation, l: LogLine, prefix: string): string {
  const text = l.text.endsWith('\n') ? l.text : `${l.text}\n`;
  return `${prefix}${inv.flags.bool('timestamps') ? `${rfc3339Nano(l.time)} ` : ''}${text}`;
}

/** Whether the container instance we follow is still the running one. */
function stillRunning(pod: Pod | undefined, container: string, restarts: number): boolean {
  const st = pod?.status?.containerStatuses?.find((c) => c.name === container);
  return !!st?.state?.running && (st.restartCount ?? 0) === restarts;
}

type Opened = { ok: true; log: ContainerLog; running: boolean } | { ok: false; error: string };

/** Opens a request's stream and prints the lines it already has. */
function openAndPrint(inv: Invocation, r: LogRequest, opts: LogOptions): Opened {
  const got = inv.streams.logs(r.pod.metadata?.namespace ?? inv.namespace, r.pod.metadata?.name ?? '', r.container, { previous: inv.flags.bool('previous') });
  if (!got.ok) return { ok: false, error: statusErrorText(got.status) };
  let lines = got.log.lines().filter((l) => opts.since === undefined || l.time >= opts.since);
  if (opts.tail >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tail));
  for (const l of lines) inv.out(lineText(inv, l, r.prefix));
  return { ok: true, log: got.log, running: got.running };
}

/** Prints new lines of every request until each container stops running or its pod goes. */
function* followAll(inv: Invocation, reqs: LogRequest[], logs: ContainerLog[]) {
  const stops: (() => void)[] = [];
  const ends = reqs.map((r, i) => {
    const ended = new Deferred<void>();
    const ns = r.pod.metadata?.namespace ?? inv.namespace;
    const name = r.pod.metadata?.name ?? '';
    const restarts = r.pod.status?.containerStatuses?.find((c) => c.name === r.container)?.restartCount ?? 0;
    stops.push(logs[i].follow((l) => inv.out(lineText(inv, l, r.prefix))));
    stops.push(
      inv.api.watch('pods', ns, (ev) => {
        if (ev.object.metadata.name !== name) return;
        if (ev.type === 'DELETED' || !stillRunning(ev.object as unknown as Pod, r.container, restarts)) ended.resolve();
      }),
    );
    return ended;
  });
  try {
    for (const e of ends) yield* wait(e);
  } finally {
    for (const stop of stops) stop();
  }
}

/**
 * The requests for one pod: every container (init, regular, ephemeral) with --all-containers, else the
 * named or default one (logsForObjectWithClient).
 */
function requestsFor(inv: Invocation, pod: Pod, requested: string): LogRequest[] | string {
  const podName = pod.metadata?.name ?? '';
  const prefix = (container: string): string => (inv.flags.bool('prefix') ? `[pod/${podName}/${container}] ` : '');
  if (inv.flags.bool('all-containers')) {
    const spec = pod.spec ?? { containers: [] };
    return [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])].map((c) => ({ pod, container: c.name, prefix: prefix(c.name) }));
  }
  const c = containerFor(inv, pod, requested);
  if (!c.ok) return plainError(`container ${c.missing} is not valid for pod ${podName}`);
  return [{ pod, container: c.name, prefix: prefix(c.name) }];
}

/** What Complete builds from flags and arguments; `pods` is filled by the lookup that ends it. */
interface LogsOptions {
  selector: string;
  container: string;
  lines: LogOptions;
  sinceTimeGiven: boolean;
  sinceMs: number;
  allContainers: boolean;
  containerFlagAndArg: boolean;
  follow: boolean;
  maxRequests: number;
  pods: Pod[];
}

function complete(inv: Invocation): Completed<LogsOptions> {
  const selector = inv.flags.str('selector');
  const { args } = inv;
  if ((args.length === 0 && !selector) || args.length > 2) return failed(usageError(inv.commandPath, USAGE));
  if (args.length === 1 && selector) return failed(usageError(inv.commandPath, 'only a selector (-l) or a POD name is allowed'));
  const lines: LogOptions = { tail: inv.flags.int('tail') };
  // A selector reads 10 lines per container unless --tail is given, even as -1.
  if (selector && lines.tail === -1 && !inv.flags.has('tail')) lines.tail = 10;
  const sinceTime = inv.flags.str('since-time');
  if (sinceTime) {
    const t = parseRfc3339(sinceTime);
    if (!t.ok) return failed(plainError(t.message));
    lines.since = t.ms;
  }
  const sinceMs = inv.flags.int('since');
  // kubectl rounds --since to whole seconds.
  if (sinceMs > 0) lines.since = inv.now() - Math.round(sinceMs / 1000) * 1000;
  return {
    ok: true,
    options: {
      selector,
      container: args[1] ?? inv.flags.str('container'),
      lines,
      sinceTimeGiven: !!sinceTime,
      sinceMs,
      allContainers: inv.flags.bool('all-containers'),
      containerFlagAndArg: inv.flags.has('container') && args.length === 2,
      follow: inv.flags.bool('follow') && !inv.flags.bool('previous'),
      maxRequests: inv.flags.int('max-log-requests'),
      pods: [],
    },
  };
}

/** Complete's object: the pods of -l, or the one pod (or a controller's pod) named. */
function resolve(inv: Invocation, o: LogsOptions): Completed<LogsOptions> {
  if (o.selector) {
    const sel = { labelSelector: o.selector };
    const list = inv.api.list('pods', inv.namespace, sel);
    if (!list.ok) return failed(statusErrorText(enhanceListError(list.status, findResource('pods')!, sel)));
    const pods = list.value.items as unknown as Pod[];
    if (pods.length === 0) inv.err(`No resources found in ${inv.namespace} namespace.\n`);
    return { ok: true, options: { ...o, pods } };
  }
  const found = podFor(inv, inv.args[0]);
  if (!found.ok) {
    // logs wraps a NotFound in its own message: `error: error from server (NotFound): … in namespace "default"`.
    const m = /^Error from server \((NotFound)\): (.*)\n$/.exec(found.error);
    return failed(m ? plainError(`error from server (${m[1]}): ${m[2]} in namespace ${JSON.stringify(inv.namespace)}`) : found.error);
  }
  if (found.among > 1) inv.err(`Found ${found.among} pods, using pod/${found.pod.metadata?.name ?? ''}\n`);
  return { ok: true, options: { ...o, pods: [found.pod] } };
}

/** Validate's checks, in logs.go order. */
function validate(o: LogsOptions): string | undefined {
  const problem = ((): string | undefined => {
    if (o.sinceTimeGiven && o.sinceMs !== 0) return 'at most one of `sinceTime` or `sinceSeconds` may be specified';
    if (o.allContainers && o.container) return `--all-containers=true should not be specified with container name ${o.container}`;
    if (o.containerFlagAndArg) return 'only one of -c or an inline [CONTAINER] arg is allowed';
    if (o.sinceMs < 0) return '--since must be greater than 0';
    if (o.lines.tail < -1) return '--tail must be greater than or equal to -1';
    return undefined;
  })();
  return problem && plainError(problem);
}

function* run(inv: Invocation, o: LogsOptions) {
  const reqs: LogRequest[] = [];
  for (const pod of o.pods) {
    const r = requestsFor(inv, pod, o.container);
    if (typeof r === 'string') {
      inv.err(r);
      return 1;
    }
    reqs.push(...r);
  }
  if (o.follow && reqs.length > 1 && reqs.length > o.maxRequests) {
    inv.err(plainError(`you are attempting to follow ${reqs.length} log streams, but maximum allowed concurrency is ${o.maxRequests}, use --max-log-requests to increase the limit`));
    return 1;
  }
  const running: { req: LogRequest; log: ContainerLog }[] = [];
  for (const req of reqs) {
    const opened = openAndPrint(inv, req, o.lines);
    if (!opened.ok) {
      inv.err(opened.error);
      return 1;
    }
    if (o.follow && opened.running) running.push({ req, log: opened.log });
  }
  yield* followAll(
    inv,
    running.map((r) => r.req),
    running.map((r) => r.log),
  );
  return 0;
}

const LOGS_STEPS: VerbSteps<LogsOptions> = { complete, resolve, validate, run };

export const logs: Command = {
  name: 'logs',
  completes: 'pods',
  short: 'Print the logs for a container in a pod',
  usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  examples: '# The log of pod nginx\nkubectl logs nginx\n\n# Follow the log of the previous crash\nkubectl logs -p web -c app\n\n# The last 10 lines of every container of the pods labelled app=web\nkubectl logs -l app=web --all-containers --prefix',
  flags: FLAGS,
  run: runSteps(LOGS_STEPS),
};
