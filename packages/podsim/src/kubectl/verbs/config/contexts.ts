/**
 * The context subcommands of `kubectl config`: current-context, get-contexts, use-context,
 * set-context, delete-context, rename-context (kubectl pkg/cmd/config/*.go), with their texts.
 */
import type { Command } from '../../command.js';
import { commandHelp } from '../../help.js';
import { renderRows } from '../../table.js';
import { destination } from '../../kubeconfig/files.js';
import { fail, loadConfigs, save, unexpectedArgs } from './edit.js';

export const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'config current-context [flags] [options]',
  examples: '# Display the current-context\nkubectl config current-context',
  flags: [],
  *run(inv) {
    const c = loadConfigs(inv);
    if (!c) return 1;
    if (!c.merged['current-context']) return fail(inv, 'current-context is not set');
    inv.out(`${c.merged['current-context']}\n`);
    return 0;
  },
};

export const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'config get-contexts [(-o|--output=)name)] [options]',
  examples: '# List all the contexts in your kubeconfig file\nkubectl config get-contexts\n\n# Describe one context in your kubeconfig file\nkubectl config get-contexts my-context',
  flags: [
    { name: 'no-headers', type: 'bool', default: false, help: 'Leave out the header line.' },
    { name: 'output', short: 'o', type: 'string', help: 'Output format; only name.' },
  ],
  *run(inv) {
    const o = inv.flags.str('output');
    if (o && o !== 'name') return fail(inv, `--output ${o} is not available in kubectl config get-contexts; resetting to default output format`);
    const c = loadConfigs(inv);
    if (!c) return 1;
    const all = [...c.merged.contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const wanted = inv.args.length ? all.filter((x) => inv.args.includes(x.name)) : all;
    if (o === 'name') inv.out(wanted.map((x) => `${x.name}\n`).join(''));
    else {
      const rows = inv.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const x of wanted) rows.push([x.name === c.merged['current-context'] ? '*' : '', x.name, String(x.context.cluster ?? ''), String(x.context.user ?? ''), String(x.context.namespace ?? '')]);
      inv.out(renderRows(rows));
    }
    const missing = inv.args.filter((n) => !all.some((x) => x.name === n));
    if (missing.length) return fail(inv, missing.map((n) => `context ${n} not found`).join('\n'));
    return 0;
  },
};

export const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  usage: 'config use-context CONTEXT_NAME [options]',
  examples: '# Use the context for the minikube cluster\nkubectl config use-context minikube',
  flags: [],
  *run(inv) {
    if (inv.args.length !== 1) return unexpectedArgs(inv, useContext);
    const name = inv.args[0];
    if (!name) return fail(inv, 'empty context names are not allowed');
    const c = loadConfigs(inv);
    if (!c) return 1;
    if (!c.merged.contexts.some((x) => x.name === name)) return fail(inv, `no context exists with the name: ${JSON.stringify(name)}`);
    const file = c.files.find((f) => f.config['current-context']) ?? c.files[0];
    file.config['current-context'] = name;
    if (!save(inv, file)) return 1;
    inv.out(`Switched to context ${JSON.stringify(name)}.\n`);
    return 0;
  },
};

export const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  examples: '# Set the user field on the gce context entry without touching other values\nkubectl config set-context gce --user=cluster-admin',
  flags: [
    { name: 'cluster', type: 'string', help: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', default: false, help: 'Modify the current context' },
    { name: 'namespace', type: 'string', help: 'namespace for the context entry in kubeconfig' },
    { name: 'user', type: 'string', help: 'user for the context entry in kubeconfig' },
  ],
  *run(inv) {
    const current = inv.flags.bool('current');
    if (inv.args.length > 1) return unexpectedArgs(inv, setContext);
    if (current && inv.args.length) return fail(inv, 'you cannot specify both a context name and --current');
    const c = loadConfigs(inv);
    if (!c) return 1;
    let name = inv.args[0] ?? '';
    if (current) {
      name = c.merged['current-context'];
      if (!name) return fail(inv, 'no current context is set');
    } else if (!name) return fail(inv, 'you must specify a non-empty context name or --current');
    const file = destination(c.files, 'contexts', name);
    let entry = file.config.contexts.find((x) => x.name === name);
    const created = !entry && !c.merged.contexts.some((x) => x.name === name);
    if (!entry) {
      entry = { name, context: { ...(c.merged.contexts.find((x) => x.name === name)?.context ?? {}) } };
      file.config.contexts.push(entry);
    }
    for (const f of ['cluster', 'user', 'namespace']) if (inv.flags.has(f)) entry.context[f] = inv.flags.str(f) || undefined;
    entry.context = Object.fromEntries(Object.entries(entry.context).filter(([, v]) => v !== undefined));
    if (!save(inv, file)) return 1;
    inv.out(`Context ${JSON.stringify(name)} ${created ? 'created' : 'modified'}.\n`);
    return 0;
  },
};

export const deleteContext: Command = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  usage: 'config delete-context NAME [options]',
  examples: '# Delete the context for the minikube cluster\nkubectl config delete-context minikube',
  flags: [],
  *run(inv) {
    if (inv.args.length === 0) {
      inv.out(commandHelp(deleteContext, inv.commandPath));
      return 0;
    }
    const name = inv.args[0];
    const c = loadConfigs(inv);
    if (!c) return 1;
    const file = destination(c.files, 'contexts', name);
    if (!file.config.contexts.some((x) => x.name === name)) return fail(inv, `cannot delete context ${name}, not in ${file.path}`);
    if (c.merged['current-context'] === name) inv.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    file.config.contexts = file.config.contexts.filter((x) => x.name !== name);
    if (!save(inv, file)) return 1;
    inv.out(`deleted context ${name} from ${file.path}\n`);
    return 0;
  },
};

export const renameContext: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  usage: 'config rename-context CONTEXT_NAME NEW_NAME [options]',
  examples: "# Rename the context 'old-name' to 'new-name' in your kubeconfig file\nkubectl config rename-context old-name new-name",
  flags: [],
  *run(inv) {
    if (inv.args.length !== 2) return unexpectedArgs(inv, renameContext);
    const [from, to] = inv.args;
    const c = loadConfigs(inv);
    if (!c) return 1;
    const file = destination(c.files, 'contexts', from);
    const entry = file.config.contexts.find((x) => x.name === from);
    if (!entry) return fail(inv, `cannot rename the context ${JSON.stringify(from)}, it's not in ${file.path}`);
    if (file.config.contexts.some((x) => x.name === to)) return fail(inv, `cannot rename the context ${JSON.stringify(from)}, the context ${JSON.stringify(to)} already exists in ${file.path}`);
    entry.name = to;
    if (file.config['current-context'] === from) file.config['current-context'] = to;
    if (!save(inv, file)) return 1;
    inv.out(`Context ${JSON.stringify(from)} renamed to ${JSON.stringify(to)}.\n`);
    return 0;
  },
};
