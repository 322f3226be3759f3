/**
 * `kubectl set env (TYPE NAME | TYPE/NAME) KEY=VAL… KEY-… [--list] [--from=configmap/X|secret/X]`:
 * environment variables of pod templates (and pods, whose containers the API server keeps fixed).
 * Models kubectl pkg/cmd/set/set_env.go (updateEnv keeps the order, replaces in place, appends).
 */
import type { Command, Invocation } from '../../command.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import { resolveTargets } from '../../targets.js';
import type { Any } from '../../../api/objects.js';
import { containersToChange, sendChange, TEMPLATE_FLAGS } from './common.js';

/** `KEY=VAL` and `KEY-` arguments after the resources (set_env.go / env_parse.go). */
function split(inv: Invocation): { resources: string[]; set: Any[]; remove: string[] } | string {
  const resources: string[] = [];
  const set: Any[] = inv.flags.list('env').map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }));
  const remove: string[] = [];
  const rest = inv.args;
  let i = 0;
  for (; i < rest.length && !rest[i].includes('=') && !(rest[i].endsWith('-') && rest[i].length > 1 && i > 0); i++) resources.push(rest[i]);
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (a.includes('=')) set.push({ name: a.slice(0, a.indexOf('=')), value: a.slice(a.indexOf('=') + 1) });
    else if (a.endsWith('-')) remove.push(a.slice(0, -1));
    else return `all resources must be specified before environment changes: ${rest.slice(i).join(' ')}`;
  }
  return { resources, set, remove };
}

function envFrom(inv: Invocation): Any[] | string {
  const from = inv.flags.str('from');
  if (!from) return [];
  const slash = from.indexOf('/');
  const [type, name] = [from.slice(0, slash), from.slice(slash + 1)];
  const kind = ['configmap', 'configmaps', 'cm'].includes(type) ? 'configMap' : ['secret', 'secrets'].includes(type) ? 'secret' : undefined;
  if (!kind || slash < 0) return 'unsupported resource specified in --from';
  const got = inv.api.get(kind === 'configMap' ? 'configmaps' : 'secrets', inv.namespace, name);
  if (!got.ok) return statusErrorText(got.status);
  const keys = inv.flags.list('keys');
  const data = Object.keys({ ...((got.value as Any).data ?? {}), ...((got.value as Any).binaryData ?? {}) }).sort();
  const prefix = inv.flags.str('prefix');
  return data
    .filter((k) => keys.length === 0 || keys.includes(k))
    .map((k) => {
      const converted = k.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
      if (converted !== k) inv.err(`Warning: key ${k} transferred to ${converted}\n`);
      return { name: prefix + converted, valueFrom: { [`${kind}KeyRef`]: { key: k, name } } };
    });
}

function refText(from: Any): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource ${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

function updateEnv(existing: Any[], add: Any[], remove: string[]): Any[] {
  const out = existing.filter((e) => !remove.includes(e.name)).map((e) => add.find((a) => a.name === e.name) ?? e);
  for (const a of add) if (!out.some((e) => e.name === a.name)) out.push(a);
  return out;
}

export const env: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  usage: 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  examples: '# Add a variable to the template of deployment web\nkubectl set env deployment/web STORAGE_DIR=/local\n\n# List the variables of every pod\nkubectl set env pods --all --list\n\n# Import the keys of a config map\nkubectl set env --from=configmap/app-config deployment/web',
  flags: [
    ...TEMPLATE_FLAGS,
    { name: 'env', short: 'e', type: 'stringArray', default: [], help: 'A variable to set (KEY=VALUE).' },
    { name: 'from', type: 'string', help: 'A config map or secret whose keys become variables (configmap/NAME, secret/NAME).' },
    { name: 'keys', type: 'stringSlice', default: [], help: 'With --from: only these keys.' },
    { name: 'list', type: 'bool', default: false, help: 'Print the variables instead of changing them.' },
    { name: 'overwrite', type: 'bool', default: true, help: 'Allow changing variables that are already set.' },
    { name: 'prefix', type: 'string', help: 'With --from: put this before each variable name.' },
  ],
  *run(inv) {
    const parts = split(inv);
    if (typeof parts === 'string') {
      inv.err(plainError(parts));
      return 1;
    }
    const f = inv.flags;
    if (f.bool('all') && f.str('selector')) return (inv.err(plainError('cannot set --all and --selector at the same time')), 1);
    const opts = dryRunAndFormat(inv);
    if (!opts) return 1;
    if (parts.resources.length === 0) return (inv.err(plainError('one or more resources must be specified as <resource> <name> or <resource>/<name>')), 1);
    if (f.bool('list') && f.str('output')) return (inv.err(plainError('--list and --output may not be specified together')), 1);
    if (f.list('keys').length > 0 && !f.str('from')) return (inv.err(plainError('when specifying --keys, a configmap or secret must be provided with --from')), 1);
    const from = envFrom(inv);
    if (typeof from === 'string') return (inv.err(from.startsWith('Error') ? from : plainError(from)), 1);
    const add = [...from, ...parts.set];
    const found = resolveTargets(inv, parts.resources, { selector: f.str('selector'), all: f.bool('all') });
    if (!found.ok) return 1;
    const list = f.bool('list');
    let code = 0;
    for (const { info, obj } of found.targets) {
      const { copy, containers } = containersToChange(inv, obj);
      if (containers.length === 0) {
        inv.err(`Warning: ${info.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(f.str('containers'))}\n`);
        continue;
      }
      for (const c of containers) {
        if (!f.bool('overwrite')) {
          const clash = add.find((a) => (c.env ?? []).some((e: Any) => e.name === a.name && e.value !== a.value));
          if (clash) {
            const cur = (c.env as Any[]).find((e) => e.name === clash.name)!;
            inv.err(plainError(`${info.resource}/${obj.metadata.name} '${cur.name}' already has a value (${cur.value}), and --overwrite is false`));
            return 1;
          }
        }
        const next = updateEnv(c.env ?? [], add, parts.remove);
        if (next.length > 0) c.env = next;
        else delete c.env;
        if (list) {
          inv.out(`# ${info.kind} ${obj.metadata.name}, container ${c.name}\n`);
          for (const e of c.env ?? []) inv.out(e.valueFrom ? `# ${e.name} from ${refText(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
        }
      }
      if (list) continue;
      if (!sendChange(inv, info, obj, copy, 'env', opts.dryRun, opts.format, 'failed to patch env update to pod template:')) code = 1;
    }
    return code;
  },
};
