/**
 * `kompose` 1.34.0 on the reader's machine (the release tutorials install): `convert` turns Compose
 * files into Kubernetes manifests (files named `<name>-<kind>.yaml`, `-j` JSON, `--stdout`, `-o`
 * file or directory, `-c` Helm chart), `version`, cobra's help and errors, and logrus' coloured
 * `INFO`/`WARN`/`FATA` lines on stderr. Only the Kubernetes provider is modelled.
 */
import { yaml } from '../../../format/yaml-parser.js';
import { goYamlMessage } from '../../../format/yaml-errors.js';
import { machineOf } from '../../../kernel/machine.js';
import type { Proc, Program } from '../../../kernel/process.js';
import { whenAllLoaded } from '../../../lazy/part.js';
import { abs } from '../../../programs/util.js';
import { ComposeError, loadCompose } from './compose.js';
import { parseFlags, type Parsed } from './flags.js';
import { CONVERT_FLAGS, ROOT_FLAGS, VERSION, convertHelp, convertUsage, leafHelp, rootHelp, rootUsage } from './help.js';
import { transform } from './objects.js';
import { writeObjects, type Writer } from './output.js';

/** logrus' TextFormatter with colours forced and no time stamp: the level in colour, the message padded to 44. */
export function logLine(level: 'INFO' | 'WARN' | 'FATA', msg: string): string {
  const colour = level === 'INFO' ? 36 : level === 'WARN' ? 33 : 31;
  return `\x1b[${colour}m${level}\x1b[0m ${msg.replace(/\n$/, '').padEnd(44)} \n`;
}

class Fatal extends Error {}

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const VOLUME_TYPES = ['emptyDir', 'hostPath', 'configMap', 'persistentVolumeClaim'];
const COMPLETION_LONG = `Generates shell completion code.

Auto completion supports bash, zsh and fish. Output is to STDOUT.

source <(kompose completion bash)
source <(kompose completion zsh)
kompose completion fish | source

Will load the shell completion code.`;

/** cobra's Find: the first word that is neither a flag nor a root flag's value names the command. */
function findCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (/^(-f|--file|--provider)$/.test(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

export const kompose: Program = function* (proc) {
  const parts = whenAllLoaded();
  if (parts) yield parts;
  const argv = proc.argv.slice(1);
  const command = findCommand(argv);
  const known = ['convert', 'version', 'completion', 'help'];
  if (command !== undefined && !known.includes(command)) {
    proc.stderr.write(`unknown command "${command}" for "kompose"${command.length > 2 && 'convert'.startsWith(command.slice(0, 3)) ? '\n\nDid you mean this?\n\tconvert\n' : ''}\n`);
    return 1;
  }
  const rest = command === undefined ? argv : argv.filter((_, i) => i !== argv.indexOf(command));
  const p = parseFlags(rest, command === 'convert' ? [...ROOT_FLAGS, ...CONVERT_FLAGS] : [...ROOT_FLAGS, { long: 'help', short: 'h', usage: '', def: 'false' }]);
  for (const n of p.notes) proc.stderr.write(`${n}\n`);
  if (p.error) {
    proc.stderr.write(command === 'convert' ? convertUsage() : rootUsage());
    proc.stderr.write(`\n${p.error}\n`);
    return 1;
  }
  if (command === undefined || p.values.get('help') === true || command === 'help') {
    const topic = command === 'help' ? p.args[0] : command;
    if (topic === 'convert') proc.stdout.write(convertHelp());
    else if (topic === 'version') proc.stdout.write(leafHelp('version', 'Print the version of Kompose'));
    else if (topic === 'completion') proc.stdout.write(leafHelp('completion SHELL', COMPLETION_LONG).replace('kompose completion SHELL [flags]', 'kompose completion SHELL [flags]'));
    else proc.stdout.write(rootHelp());
    return 0;
  }
  try {
    const provider = String(p.values.get('provider'));
    if (!['kubernetes', 'openshift'].includes(provider.toLowerCase())) throw new Fatal(`${provider} is an unsupported provider. Supported providers are: 'kubernetes', 'openshift'.`);
    if (command === 'version') {
      proc.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'completion') {
      if (p.args.length === 0) throw new Fatal('Error: shell not specified. ex. kompose completion [bash|zsh|fish]');
      if (p.args.length > 1) throw new Fatal('Error: too many arguments. Expected only the shell type. ex. kompose completion [bash|zsh|fish]');
      if (!['bash', 'zsh', 'fish'].includes(p.args[0])) throw new Fatal('Error: not a compatible shell, bash, zsh and fish are only supported');
      proc.stderr.write('kompose: shell completion scripts are not part of this sandbox\n');
      return 1;
    }
    convert(proc, p);
    return 0;
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    proc.stderr.write(logLine('FATA', e.message));
    return 1;
  }
};

function log(proc: Proc, p: Parsed) {
  const quiet = p.values.get('suppress-warnings') === true;
  return {
    info: (msg: string) => void (quiet || proc.stderr.write(logLine('INFO', msg))),
    warn: (msg: string) => {
      if (quiet) return;
      if (p.values.get('error-on-warning') === true) throw new Fatal(msg);
      proc.stderr.write(logLine('WARN', msg));
    },
  };
}

/** kompose's ValidateFlags, ValidateComposeFile and validateControllers, in their order. */
function checked(proc: Proc, p: Parsed): { files: string[]; out: string; stdout: boolean; json: boolean; chart: boolean } {
  const v = p.values;
  let out = String(v.get('out'));
  let stdout = v.get('stdout') === true;
  if (out === '-') {
    stdout = true;
    out = '';
  }
  const openshift = String(v.get('provider')).toLowerCase() === 'openshift';
  const controller = String(v.get('controller')).toLowerCase();
  if (openshift) {
    if (p.changed.has('chart')) throw new Fatal('--chart, -c is a Kubernetes only flag');
    if (p.changed.has('daemon-set')) throw new Fatal('--daemon-set is a Kubernetes only flag');
    if (p.changed.has('replication-controller')) throw new Fatal('--replication-controller is a Kubernetes only flag');
    if (p.changed.has('deployment')) throw new Fatal('--deployment, -d is a Kubernetes only flag');
    if (['daemonset', 'replicationcontroller', 'deployment'].includes(controller)) throw new Fatal('--controller= daemonset, replicationcontroller or deployment is a Kubernetes only flag');
  } else {
    if (p.changed.has('deployment-config')) throw new Fatal('--deployment-config is an OpenShift only flag');
    if (p.changed.has('build-repo')) throw new Fatal('--build-repo is an Openshift only flag');
    if (p.changed.has('build-branch')) throw new Fatal('--build-branch is an Openshift only flag');
    if (controller === 'deploymentconfig') throw new Fatal('--controller=deploymentConfig is an OpenShift only flag');
  }
  if (out !== '' && stdout) throw new Fatal('Error: --out and --stdout can\'t be set at the same time');
  if (v.get('chart') === true && stdout) throw new Fatal('Error: chart cannot be generated when --stdout is specified');
  if ((v.get('replicas') as number) < 0) throw new Fatal('Error: --replicas cannot be negative');
  if (p.args.length > 0) throw new Fatal(`Unknown Argument(s): ${p.args.join(',')}`);
  if (v.get('json') === true && v.get('yaml') === true) throw new Fatal('YAML and JSON format cannot be provided at the same time');
  if (!VOLUME_TYPES.includes(String(v.get('volumes')))) {
    throw new Fatal(`Unknown Volume type: ${String(v.get('volumes'))}, possible values are: ${VOLUME_TYPES.map((t) => `'${t}'`).join(' ')}`);
  }
  if (openshift) throw new Fatal('the OpenShift provider is not part of this sandbox: only --provider kubernetes converts here');
  let files = p.changed.has('file') ? (v.get('file') as string[]) : [];
  if (files.length === 0 && proc.env.COMPOSE_FILE) files = proc.env.COMPOSE_FILE.split(/\s+/).filter(Boolean);
  if (files.length === 0) {
    const found = DEFAULT_FILES.find((f) => machineOf(proc).fs.exists(abs(proc, f)));
    if (!found) throw new Fatal('Error validating compose file: No compose or docker-compose yaml file found in the current directory');
    files = [found];
  }
  const single = out !== '' || stdout;
  const kinds = ['deployment', 'daemon-set', 'replication-controller'].filter((f) => v.get(f) === true).length;
  if (single && kinds > 1) throw new Fatal('Error: only one kind of Kubernetes resource can be generated when --out or --stdout is specified');
  return { files, out, stdout, json: v.get('json') === true, chart: v.get('chart') === true };
}

function parseYaml(text: string): unknown {
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw new ComposeError(goYamlMessage(doc.errors[0], (off) => lc.linePos(off).line, text.split('\n')));
  return doc.toJS({ maxAliasCount: 100 });
}

function convert(proc: Proc, p: Parsed): void {
  const { fs } = machineOf(proc);
  const opts = checked(proc, p);
  const { info, warn } = log(proc, p);
  const v = p.values;
  let configs;
  try {
    const files = opts.files.map((f) => {
      const path = abs(proc, f);
      if (!fs.exists(path)) throw new ComposeError(`open ${path}: no such file or directory`);
      if (fs.stat(path).kind === 'dir') throw new ComposeError(`read ${path}: is a directory`);
      return { path: f, abs: path, text: fs.readFile(path) };
    });
    const dir = files[0].abs.slice(0, files[0].abs.lastIndexOf('/')) || '/';
    const dotEnv = fs.exists(`${dir}/.env`) ? fs.readFile(`${dir}/.env`) : undefined;
    const profiles = p.changed.has('profile') ? (v.get('profile') as string[]) : (proc.env.COMPOSE_PROFILES ?? '').split(',').filter(Boolean);
    configs = loadCompose({ files, env: proc.env, dotEnv, parse: parseYaml, home: proc.env.HOME ?? '/', profiles });
  } catch (e) {
    if (e instanceof ComposeError) throw new Fatal(`Unable to load files: ${e.message}`);
    throw e;
  }
  if (configs.length === 0) warn('No service selected. The profile specified in services of your compose yaml may not exist.');
  const controller = String(v.get('controller')).toLowerCase() || (v.get('daemon-set') === true ? 'daemonset' : v.get('deployment') === true ? 'deployment' : '');
  let objects;
  try {
    objects = transform(configs, {
      // --replication-controller alone makes kompose 1.34 write no workload at all (it no longer has one for it).
      controller: v.get('replication-controller') === true && !controller ? 'replicationcontroller' : controller,
      replicas: v.get('replicas') as number,
      replicasSet: p.changed.has('replicas'),
      volumes: v.get('emptyvols') === true ? 'emptyDir' : String(v.get('volumes')),
      pvcRequestSize: String(v.get('pvc-request-size')),
      withAnnotations: v.get('with-kompose-annotation') === true,
      namespace: String(v.get('namespace')),
      cmd: proc.argv.join(' '),
      version: VERSION,
      warn,
      workDir: opts.files.length ? abs(proc, opts.files[0]).replace(/\/[^/]*$/, '') || '/' : proc.cwd,
      host: {
        stat(path) {
          if (!fs.exists(path)) return undefined;
          if (fs.stat(path).kind !== 'dir') return { kind: 'file', text: fs.readFile(path) };
          const files = fs.readdir(path).filter((n) => fs.stat(`${path}/${n}`).kind !== 'dir');
          return { kind: 'dir', files: files.map((n) => [n, fs.readFile(`${path}/${n}`)] as [string, string]) };
        },
      },
    });
  } catch (e) {
    if (e instanceof ComposeError || e instanceof Error) throw new Fatal(e.message);
    throw e;
  }
  const writer: Writer = {
    exists: (path) => fs.exists(abs(proc, path)),
    isDir: (path) => fs.exists(abs(proc, path)) && fs.stat(abs(proc, path)).kind === 'dir',
    mkdir: (path) => fs.mkdir(abs(proc, path), true),
    write: (path, text, append) => fs.writeFile(abs(proc, path), text, { append }),
    stdout: (text) => proc.stdout.write(text),
    info,
  };
  const failure = writeObjects(objects, { ...opts, indent: v.get('indent') as number, input: opts.files[0] }, writer);
  if (failure) throw new Fatal(failure);
}
