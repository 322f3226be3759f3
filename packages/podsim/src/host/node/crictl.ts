/**
 * crictl (cri-tools 1.32) on a node, against the kubelet's view of its runtime: `ps [-a]`, `pods`,
 * `stop ID`, `logs ID`. IDs print as their first 13 characters and are accepted as any unique prefix;
 * tables go through Go's tabwriter as crictl sets it up (min width 20, padding 3).
 */
import type { Program } from '../../kernel/process.js';
import { rfc3339 } from '../../api/objects.js';
import { TabWriter } from '../../format/tabwriter.js';
import { ttyOf } from '../../kernel/tty.js';
import type { CriContainer, CriPod } from '../../kubelet/cri-view.js';
import type { NodeMachineContext } from './node-machine.js';

const trunc = (id: string) => id.replace(/^sha256:/, '').slice(0, 13);

/** github.com/docker/go-units HumanDuration, as crictl's CREATED column words it. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

function table(rows: string[][]): string {
  const w = new TabWriter({ minWidth: 20, tabWidth: 1, padding: 3, padChar: ' ' });
  for (const r of rows) w.write(r.join('\t') + '\n');
  return w.flush();
}

function findContainer(containers: CriContainer[], id: string): CriContainer[] {
  return containers.filter((c) => c.id.startsWith(id));
}

export const crictl: Program = function* (proc) {
  const [verb, ...rest] = proc.argv.slice(1).filter((a) => a !== '--no-trunc');
  const noTrunc = proc.argv.includes('--no-trunc');
  const id = (s: string) => (noTrunc ? s : trunc(s));
  const kubelet = (proc.ctx as NodeMachineContext).kubelet;
  const now = proc.clock.now();
  const pods: CriPod[] = kubelet.criPods();
  const containers = pods.flatMap((p) => p.containers);
  const flags = rest.filter((a) => a.startsWith('-'));
  const args = rest.filter((a) => !a.startsWith('-'));
  // logrus, as crictl logs its fatal errors: the short form on a terminal, key=value pairs otherwise.
  const fatal = (msg: string) => {
    proc.stderr.write(ttyOf(proc.stderr) ? `FATA[0000] ${msg}\n` : `time=${JSON.stringify(rfc3339(now))} level=fatal msg=${JSON.stringify(msg)}\n`);
    return 1;
  };
  switch (verb) {
    case 'ps': {
      const all = flags.some((f) => f === '-a' || f === '--all');
      const quiet = flags.some((f) => f === '-q' || f === '--quiet');
      const shown = containers.filter((c) => all || c.state === 'Running').sort((a, b) => b.createdAt - a.createdAt);
      if (quiet) {
        proc.stdout.write(shown.map((c) => c.id + '\n').join(''));
        return 0;
      }
      const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
      for (const c of shown) rows.push([id(c.id), id(c.imageId), `${humanDuration(now - c.createdAt)} ago`, c.state, c.name, String(c.attempt), id(c.pod.id), c.pod.name, c.pod.namespace]);
      proc.stdout.write(table(rows));
      return 0;
    }
    case 'pods': {
      const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
      for (const p of [...pods].sort((a, b) => b.createdAt - a.createdAt)) rows.push([id(p.id), `${humanDuration(now - p.createdAt)} ago`, p.ready ? 'Ready' : 'NotReady', p.name, p.namespace, '0', '(default)']);
      proc.stdout.write(table(rows));
      return 0;
    }
    case 'stop':
    case 'logs': {
      if (args.length === 0) return fatal('ID cannot be empty');
      for (const want of verb === 'logs' ? args.slice(0, 1) : args) {
        const found = findContainer(containers, want);
        if (found.length !== 1) {
          const why = found.length ? `ambiguous ID ${JSON.stringify(want)}` : `rpc error: code = NotFound desc = an error occurred when try to find container ${JSON.stringify(want)}: not found`;
          return fatal(verb === 'stop' ? `stopping the container ${JSON.stringify(want)}: ${why}` : why);
        }
        const c = found[0];
        if (verb === 'stop') {
          kubelet.stopContainer(c.id);
          proc.stdout.write(want + '\n');
        } else for (const l of c.log()) (l.stream === 'stderr' ? proc.stderr : proc.stdout).write(l.text + '\n');
      }
      return 0;
    }
    default:
      proc.stderr.write(
        verb === undefined
          ? 'NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\n(podsim has ps, pods, stop and logs)\n'
          : `crictl ${verb}: not available in this sandbox (ps, pods, stop and logs are)\n`,
      );
      return 1;
  }
};
