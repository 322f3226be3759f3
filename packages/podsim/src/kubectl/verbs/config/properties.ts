/**
 * `kubectl config set PROPERTY VALUE` and `unset PROPERTY`: dot-separated paths through the
 * kubeconfig (`contexts.NAME.namespace`, `current-context`), as kubectl pkg/cmd/config/navigation_step_parser.go walks them.
 */
import type { Command, Invocation } from '../../command.js';
import { destination } from '../../kubeconfig/files.js';
import type { Entry } from '../../kubeconfig/model.js';
import { fail, loadConfigs, save, unexpectedArgs } from './edit.js';

const NAMED = { clusters: 'cluster', contexts: 'context', users: 'user' } as const;

/** Applies `value` (undefined: unset) at `path`; an error text when the path names nothing kubectl knows. */
function apply(inv: Invocation, path: string, value: string | undefined): number {
  const steps = path.split('.');
  const c = loadConfigs(inv);
  if (!c) return 1;
  const head = steps[0];
  if (head === 'current-context' && steps.length === 1) {
    const file = c.files[0];
    file.config['current-context'] = value ?? '';
    return save(inv, file) ? 0 : 1;
  }
  if (!(head in NAMED) || steps.length < 2) return fail(inv, `unable to parse ${path} after [] at api.Config`);
  const kind = head as keyof typeof NAMED;
  const name = steps[1];
  const file = destination(c.files, kind, name);
  const list = file.config[kind] as { name: string; [k: string]: unknown }[];
  let item = list.find((x) => x.name === name);
  if (!item) {
    if (value === undefined) return fail(inv, `current map key \`${name}\` is invalid`);
    item = { name, [NAMED[kind]]: {} };
    list.push(item);
  }
  if (steps.length === 2) {
    if (value !== undefined) return fail(inv, `can't set a map to a value: map[]`);
    (file.config[kind] as unknown[]) .splice(list.indexOf(item), 1);
    return save(inv, file) ? 0 : 1;
  }
  let target = item[NAMED[kind]] as Entry;
  for (const step of steps.slice(2, -1)) {
    if (typeof target[step] !== 'object' || target[step] === null) {
      if (value === undefined) return fail(inv, `current map key \`${step}\` is invalid`);
      target[step] = {};
    }
    target = target[step] as Entry;
  }
  const last = steps[steps.length - 1];
  if (value === undefined) {
    if (!(last in target)) return fail(inv, `current map key \`${last}\` is invalid`);
    delete target[last];
  } else target[last] = last === 'insecure-skip-tls-verify' ? value === 'true' : value;
  return save(inv, file) ? 0 : 1;
}

export const set: Command = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  usage: 'config set PROPERTY_NAME PROPERTY_VALUE [options]',
  examples: '# Set the server field on the my-cluster cluster to https://1.2.3.4\nkubectl config set clusters.my-cluster.server https://1.2.3.4',
  flags: [{ name: 'set-raw-bytes', type: 'bool', default: false, help: 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.' }],
  *run(inv) {
    if (inv.args.length !== 2) return unexpectedArgs(inv, set);
    const code = apply(inv, inv.args[0], inv.args[1]);
    if (code === 0) inv.out(`Property ${JSON.stringify(inv.args[0])} set.\n`);
    return code;
  },
};

export const unset: Command = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  usage: 'config unset PROPERTY_NAME [options]',
  examples: '# Unset the current-context\nkubectl config unset current-context\n\n# Unset namespace in foo context\nkubectl config unset contexts.foo.namespace',
  flags: [],
  *run(inv) {
    if (inv.args.length !== 1) return unexpectedArgs(inv, unset);
    const code = apply(inv, inv.args[0], undefined);
    if (code === 0) inv.out(`Property ${JSON.stringify(inv.args[0])} unset.\n`);
    return code;
  },
};
