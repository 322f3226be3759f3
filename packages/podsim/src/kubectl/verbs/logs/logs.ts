/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`: a container's log from its kubelet,
 * with --tail, --since, --timestamps, --all-containers, and -f following until the container stops.
 * Models kubectl pkg/cmd/logs/logs.go.
 */
import { rfc3339Nano } from '../../../api/objects.js';
import { findResource } from '../../../api/resources.js';
import type { Pod } from '../../../api/types.js';
import type { LogLine } from '../../../runtime/types.js';
import { Deferred, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { enhanceListError } from '../../objects.js';
import { containerFor, podFor } from '../../pods.js';
import { CONTAINER_FLAG } from '../exec/exec.js';

const FLAGS: FlagSpec[] = [
  { name: 'all-containers', type: 'bool', default: false, help: 'Print the logs of every container of the pod.' },
  CONTAINER_FLAG,
  { name: 'follow', short: 'f', type: 'bool', default: false, help: 'Keep printing new lines.' },
  { name: 'prefix', type: 'bool', default: false, help: 'Prefix each line with pod/container names.' },
  { name: 'previous', short: 'p', type: 'bool', default: false, help: 'Print the log of the previous instance of the container.' },
  { name: 'selector', short: 'l', type: 'string', help: 'Label selector of pods.' },
  { name: 'since', type: 'duration', default: '0s', help: 'Only lines newer than this duration (e.g. 5s, 2m).' },
  { name: 'tail', type: 'int', default: -1, help: 'Number of recent lines to print (-1: all).' },
  { name: 'timestamps', type: 'bool', default: false, help: 'Prefix each line with its RFC3339 timestamp.' },
];


function lineText(inv: Invocation, l: LogLine, prefix: string): string {
  const text = l.text.endsWith('\n') ? l.text : `${l.text}\n`;
  return `${prefix}${inv.flags.bool('timestamps') ? `${rfc3339Nano(l.time)} ` : ''}${text}`;
}

/** Whether the container instance we follow is still the running one. */
function stillRunning(pod: Pod | undefined, container: string, restarts: number): boolean {
  const st = pod?.status?.containerStatuses?.find((c) => c.name === container);
  return !!st?.state?.running && (st.restartCount ?? 0) === restarts;
}

/** `tail`: lines to print from the end, -1 for all. */
function* printContainer(inv: Invocation, pod: Pod, container: string, prefix: string, tail: number) {
  const ns = pod.metadata?.namespace ?? inv.namespace;
  const name = pod.metadata?.name ?? '';
  const r = inv.streams.logs(ns, name, container, { previous: inv.flags.bool('previous') });
  if (!r.ok) {
    inv.err(statusErrorText(r.status));
    return 1;
  }
  const since = inv.flags.int('since');
  let lines = r.log.lines().filter((l) => since <= 0 || l.time >= inv.now() - since);
  if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  for (const l of lines) inv.out(lineText(inv, l, prefix));
  if (!inv.flags.bool('follow') || !r.running || inv.flags.bool('previous')) return 0;
  const restarts = pod.status?.containerStatuses?.find((c) => c.name === container)?.restartCount ?? 0;
  const ended = new Deferred<void>();
  const stopLog = r.log.follow((l) => inv.out(lineText(inv, l, prefix)));
  const stopWatch = inv.api.watch('pods', ns, (ev) => {
    if (ev.object.metadata.name !== name) return;
    if (ev.type === 'DELETED' || !stillRunning(ev.object as unknown as Pod, container, restarts)) ended.resolve();
  });
  try {
    yield* wait(ended);
  } finally {
    stopLog();
    stopWatch();
  }
  return 0;
}

/** One pod's log: every container with --all-containers, else -c, the argument, or the default one. */
function* printPod(inv: Invocation, pod: Pod, requested: string, tail: number) {
  const podName = pod.metadata?.name ?? '';
  const prefix = (container: string): string => (inv.flags.bool('prefix') ? `[pod/${podName}/${container}] ` : '');
  if (inv.flags.bool('all-containers')) {
    let code = 0;
    for (const c of pod.spec?.containers ?? []) code = Math.max(code, yield* printContainer(inv, pod, c.name, prefix(c.name), tail));
    return code;
  }
  const c = containerFor(inv, pod, requested);
  if (!c.ok) {
    inv.err(plainError(`container ${c.missing} is not valid for pod ${podName}`));
    return 1;
  }
  return yield* printContainer(inv, pod, c.name, prefix(c.name), tail);
}

/** `logs -l SELECTOR`: every matching pod in turn, 10 lines each unless --tail says otherwise. */
function* printSelected(inv: Invocation) {
  const sel = { labelSelector: inv.flags.str('selector') };
  const list = inv.api.list('pods', inv.namespace, sel);
  if (!list.ok) {
    inv.err(statusErrorText(enhanceListError(list.status, findResource('pods')!, sel)));
    return 1;
  }
  const tail = inv.flags.int('tail') === -1 ? 10 : inv.flags.int('tail');
  let code = 0;
  for (const pod of list.value.items as unknown as Pod[]) code = Math.max(code, yield* printPod(inv, pod, inv.flags.str('container'), tail));
  return code;
}

function* runLogs(inv: Invocation) {
  if (inv.flags.str('selector') && inv.args.length === 0) return yield* printSelected(inv);
  if (inv.args.length === 0 || inv.args.length > 2) {
    inv.err(usageError(inv.commandPath, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"));
    return 1;
  }
  const found = podFor(inv, inv.args[0]);
  if (!found.ok) {
    // logs wraps the API error in its own message: `error: error from server (NotFound): … in namespace "default"`.
    const m = /^Error from server \((\w+)\): (.*)\n$/.exec(found.error);
    inv.err(m ? plainError(`error from server (${m[1]}): ${m[2]} in namespace ${JSON.stringify(inv.namespace)}`) : found.error);
    return 1;
  }
  if (found.among > 1) inv.err(`Found ${found.among} pods, using pod/${found.pod.metadata?.name ?? ''}\n`);
  return yield* printPod(inv, found.pod, inv.flags.str('container') || inv.args[1] || '', inv.flags.int('tail'));
}

export const logs: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  examples: '# The log of pod nginx\nkubectl logs nginx\n\n# Follow the log of the previous crash\nkubectl logs -p web -c app',
  flags: FLAGS,
  run: runLogs,
};
