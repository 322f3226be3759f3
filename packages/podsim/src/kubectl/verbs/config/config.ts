/** `kubectl config current-context|view|get-contexts|set-context --current --namespace=…` over the sandbox's one context. */
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import { renderRows } from '../../table.js';

function viewText(inv: Invocation): string {
  const k = inv.host.kubeconfig;
  const ns = k.namespace && k.namespace !== 'default' ? `    namespace: ${k.namespace}\n` : '';
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${k.server}
  name: ${k.cluster}
contexts:
- context:
    cluster: ${k.cluster}
${ns}    user: ${k.user}
  name: ${k.context}
current-context: ${k.context}
kind: Config
preferences: {}
users:
- name: ${k.user}
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
}

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'config current-context [flags] [options]',
  flags: [],
  *run(inv) {
    inv.out(`${inv.host.kubeconfig.context}\n`);
    return 0;
  },
};

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'config view [flags] [options]',
  flags: [{ name: 'minify', type: 'bool', default: false, help: 'Only the current context.' }, { name: 'raw', type: 'bool', default: false, help: 'Show secrets too.' }],
  *run(inv) {
    inv.out(viewText(inv));
    return 0;
  },
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'config get-contexts [(-o|--output=)name)] [options]',
  flags: [{ name: 'output', short: 'o', type: 'string', help: 'name' }, { name: 'no-headers', type: 'bool', default: false, help: 'No header line.' }],
  *run(inv) {
    const k = inv.host.kubeconfig;
    if (inv.flags.str('output') === 'name') {
      inv.out(`${k.context}\n`);
      return 0;
    }
    const rows = inv.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    rows.push(['*', k.context, k.cluster, k.user, k.namespace === 'default' ? '' : k.namespace]);
    inv.out(renderRows(rows));
    return 0;
  },
};

const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [{ name: 'current', type: 'bool', default: false, help: 'Modify the current context.' }],
  *run(inv) {
    const k = inv.host.kubeconfig;
    const name = inv.flags.bool('current') ? k.context : inv.args[0];
    if (!name) {
      inv.err(plainError('you must specify a non-empty context name or --current'));
      return 1;
    }
    if (name !== k.context) {
      inv.err(plainError(`contexts other than ${JSON.stringify(k.context)} are not available in this sandbox`));
      return 1;
    }
    if (inv.namespaceExplicit) k.namespace = inv.namespace;
    inv.out(`Context ${JSON.stringify(name)} modified.\n`);
    return 0;
  },
};

export const config: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContext, getContexts, setContext, view],
};
