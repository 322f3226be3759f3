/**
 * crictl (cri-tools 1.32) on a node, against the kubelet's view of its containerd: `ps`, `pods`,
 * `images`, `stop`, `logs`, `exec`. IDs print as their first 13 characters and are accepted as any
 * unique prefix; errors go through logrus as crictl's main reports them.
 */
import type { Program } from '../../kernel/process.js';
import { rfc3339 } from '../../api/objects.js';
import { ttyOf } from '../../kernel/tty.js';
import { CONTAINER_RUNTIME_VERSION } from '../../kubelet/node.js';
import type { NodeMachineContext } from './node-machine.js';
import { parseCrictlFlags, type FlagSpec } from './crictl-flags.js';
import { IMAGES_FLAGS, listContainers, listImages, listPods, PODS_FLAGS, PS_FLAGS, type ListResult } from './crictl-lists.js';
import { EXEC_FLAGS, execIn, logLines, LOGS_FLAGS, lookup } from './crictl-streams.js';
import { criImages } from './crictl-images.js';
import { criPods } from './cri-view.js';

const COMMANDS: Record<string, FlagSpec[]> = { version: [], ps: PS_FLAGS, pods: PODS_FLAGS, images: IMAGES_FLAGS, image: IMAGES_FLAGS, img: IMAGES_FLAGS, stop: [{ names: ['timeout', 't'], kind: 'int' }], logs: LOGS_FLAGS, exec: EXEC_FLAGS };
const HAVE = 'ps, pods, images, stop, logs, exec and version are';
/** crictl's global options: where containerd listens, and its own version (`crictl --version`). */
const GLOBAL_FLAGS: FlagSpec[] = [
  { names: ['runtime-endpoint', 'r'], kind: 'string' },
  { names: ['image-endpoint', 'i'], kind: 'string' },
  { names: ['timeout', 't'], kind: 'string' },
  { names: ['config', 'c'], kind: 'string' },
  { names: ['debug', 'D'], kind: 'bool' },
  { names: ['version', 'v'], kind: 'bool' },
];
const CONTAINERD_SOCKET = /^(unix:\/\/)?\/(var\/)?run\/containerd\/containerd\.sock$/;
const EXEC_USAGE = 'NAME:\n   crictl exec - Run a command in a running container\n\nUSAGE:\n   crictl exec [command options] [CONTAINER-ID] COMMAND [ARG...]\n';

/** Go's time layout `2006/01/02 15:04:05`, as the standard log package stamps log.Fatalf lines. */
const goLogTime = (ms: number) => new Date(ms).toISOString().replace(/^(\d+)-(\d+)-(\d+)T([\d:]+)\..*$/, '$1/$2/$3 $4');

export const crictl: Program = function* (proc) {
  const kubelet = (proc.ctx as NodeMachineContext).kubelet;
  const now = proc.clock.now();
  // logrus, as crictl logs its fatal errors: the short form on a terminal, key=value pairs otherwise.
  const fatal = (msg: string) => {
    proc.stderr.write(ttyOf(proc.stderr) ? `FATA[0000] ${msg}\n` : `time=${JSON.stringify(rfc3339(now))} level=fatal msg=${JSON.stringify(msg)}\n`);
    return 1;
  };
  const global = parseCrictlFlags(proc.argv.slice(1), GLOBAL_FLAGS);
  if (!global.ok) {
    proc.stderr.write(`Incorrect Usage: ${global.error}\n\n`);
    return fatal(global.error);
  }
  if (global.value.bool('version')) return (proc.stdout.write('crictl version v1.32.0\n'), 0);
  // The node's crictl.yaml names containerd's socket; another runtime's is not there.
  for (const flag of ['runtime-endpoint', 'image-endpoint']) {
    const endpoint = global.value.string(flag);
    if (endpoint === '' || CONTAINERD_SOCKET.test(endpoint)) continue;
    const socket = endpoint.replace(/^unix:\/\//, '');
    return fatal(`validate service connection: validate CRI v1 ${flag === 'runtime-endpoint' ? 'runtime' : 'image'} API for endpoint ${JSON.stringify(endpoint)}: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${socket}: connect: no such file or directory"`);
  }
  const [verb, ...rest] = global.value.args;
  const specs = verb === undefined ? undefined : COMMANDS[verb];
  if (!specs) {
    proc.stderr.write(
      verb === undefined
        ? `NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\n(podsim has ${HAVE.replace(/ are$/, '')})\n`
        : `crictl ${verb}: not available in this sandbox (${HAVE})\n`,
    );
    return 1;
  }
  const parsed = parseCrictlFlags(rest, specs);
  if (!parsed.ok) {
    proc.stderr.write(`Incorrect Usage: ${parsed.error}\n\n`);
    return fatal(parsed.error);
  }
  const args = parsed.value;
  // Formats other than crictl's table (json, yaml, go-template) and the verbose views are not modelled.
  if ((args.isSet('output') && args.string('output') !== 'table') || args.bool('verbose') || args.isSet('filter'))
    return (proc.stderr.write(`crictl ${verb}: only the table view is available in this sandbox\n`), 1);
  const pods = criPods(kubelet);
  const containers = pods.flatMap((p) => p.containers);
  const show = (r: ListResult) => {
    if (r.ok) return (proc.stdout.write(r.out), 0);
    if ('fatal' in r) return fatal(r.fatal);
    proc.stderr.write(`${goLogTime(now)} ${r.logFatal}\n`);
    return 1;
  };
  switch (verb) {
    case 'ps':
      return show(listContainers(pods, args, now));
    case 'pods':
      return show(listPods(pods, args, now));
    case 'version':
      // containerd's CRI Version: its kubeAPIVersion constant, its name, its release, the CRI API.
      proc.stdout.write(`Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v${CONTAINER_RUNTIME_VERSION.split('://')[1]}\nRuntimeApiVersion:  v1\n`);
      return 0;
    case 'exec': {
      // Too few arguments: urfave/cli shows the command's help and crictl ends without an error.
      if (args.args.length < 2) return (proc.stdout.write(EXEC_USAGE), 0);
      const found = lookup(containers, args.args[0]);
      if (!found.ok) return fatal(`execing command in container ${args.args[0]}: ${found.error}`);
      const r = yield* execIn(proc, kubelet, found.c, args.args[0], args);
      return r.error === undefined ? 0 : fatal(r.error);
    }
    case 'stop':
    case 'logs': {
      if (args.args.length === 0) return fatal('ID cannot be empty');
      for (const want of verb === 'logs' ? args.args.slice(0, 1) : args.args) {
        const found = lookup(containers, want);
        if (!found.ok) return fatal(verb === 'stop' ? `stopping the container ${JSON.stringify(want)}: ${found.error}` : found.error);
        if (verb === 'stop') {
          kubelet.stopContainer(found.c.id);
          proc.stdout.write(want + '\n');
        } else for (const l of logLines(found.c, args)) (l.stream === 'stderr' ? proc.stderr : proc.stdout).write(l.text + '\n');
      }
      return 0;
    }
    default:
      return show(listImages(criImages(kubelet.runtimeImages()), args));
  }
};
