/**
 * The cluster and user subcommands of `kubectl config`: set-cluster, set-credentials, get-clusters,
 * get-users, delete-cluster, delete-user (kubectl pkg/cmd/config/*.go), with their texts.
 */
import type { Command, Invocation } from '../../command.js';
import { commandHelp } from '../../help.js';
import { destination, type ConfigFile } from '../../kubeconfig/files.js';
import type { Entry } from '../../kubeconfig/model.js';
import { readLocalFile } from '../../local-files.js';
import { fail, loadConfigs, save, unexpectedArgs } from './edit.js';

type Kind = 'clusters' | 'users';
const FIELD: Record<Kind, 'cluster' | 'user'> = { clusters: 'cluster', users: 'user' };

/** The named entry of `file` to change, a copy of the merged one (or empty) when the file lacks it. */
function entryFor(file: ConfigFile, kind: Kind, name: string, merged: Entry | undefined): Entry {
  const list = file.config[kind] as { name: string; [k: string]: unknown }[];
  let e = list.find((x) => x.name === name);
  if (!e) {
    e = { name, [FIELD[kind]]: { ...(merged ?? {}) } };
    list.push(e);
  }
  return e[FIELD[kind]] as Entry;
}

/** --embed-certs: a file's content in the -data field instead of its path. */
function embed(inv: Invocation, e: Entry, path: string, field: string, what: string): string | undefined {
  const r = readLocalFile(inv, path);
  if (!r.ok) return `could not stat ${what} file ${path}: ${r.error.replace(/^open /, 'stat ')}`;
  e[`${field}-data`] = btoa(r.text);
  delete e[field];
  return undefined;
}

export const setCluster: Command = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  usage: 'config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]',
  examples: '# Set only the server field on the e2e cluster entry without touching other values\nkubectl config set-cluster e2e --server=https://1.2.3.4',
  flags: [
    { name: 'certificate-authority', type: 'string', help: 'Path to certificate-authority file for the cluster entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', default: false, help: 'embed-certs for the cluster entry in kubeconfig' },
    { name: 'insecure-skip-tls-verify', type: 'bool', default: false, help: 'insecure-skip-tls-verify for the cluster entry in kubeconfig' },
    { name: 'proxy-url', type: 'string', help: 'proxy-url for the cluster entry in kubeconfig' },
    { name: 'server', type: 'string', help: 'server for the cluster entry in kubeconfig' },
    { name: 'tls-server-name', type: 'string', help: 'tls-server-name for the cluster entry in kubeconfig' },
  ],
  *run(inv) {
    if (inv.args.length !== 1) return unexpectedArgs(inv, setCluster);
    const name = inv.args[0];
    const ca = inv.flags.str('certificate-authority');
    if (ca && inv.flags.bool('insecure-skip-tls-verify')) return fail(inv, 'you cannot specify a certificate authority and insecure mode at the same time');
    const c = loadConfigs(inv);
    if (!c) return 1;
    const file = destination(c.files, 'clusters', name);
    const e = entryFor(file, 'clusters', name, c.merged.clusters.find((x) => x.name === name)?.cluster);
    for (const f of ['server', 'tls-server-name', 'proxy-url']) if (inv.flags.has(f)) e[f] = inv.flags.str(f);
    if (inv.flags.has('insecure-skip-tls-verify')) {
      if (inv.flags.bool('insecure-skip-tls-verify')) {
        e['insecure-skip-tls-verify'] = true;
        delete e['certificate-authority'];
        delete e['certificate-authority-data'];
      } else delete e['insecure-skip-tls-verify'];
    }
    if (ca) {
      delete e['insecure-skip-tls-verify'];
      if (inv.flags.bool('embed-certs')) {
        const err = embed(inv, e, ca, 'certificate-authority', 'certificate-authority');
        if (err) return fail(inv, err);
      } else {
        e['certificate-authority'] = ca;
        delete e['certificate-authority-data'];
      }
    }
    for (const k of Object.keys(e)) if (e[k] === '') delete e[k];
    if (!save(inv, file)) return 1;
    inv.out(`Cluster ${JSON.stringify(name)} set.\n`);
    return 0;
  },
};

export const setCredentials: Command = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  usage:
    'config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]',
  examples: '# Set only the "client-key" field on the "cluster-admin"\n# entry, without touching other values\nkubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key',
  flags: [
    { name: 'auth-provider', type: 'string', help: 'Auth provider for the user entry in kubeconfig' },
    { name: 'auth-provider-arg', type: 'stringSlice', default: [], help: "'key=value' arguments for the auth provider" },
    { name: 'client-certificate', type: 'string', help: 'Path to client-certificate file for the user entry in kubeconfig' },
    { name: 'client-key', type: 'string', help: 'Path to client-key file for the user entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', default: false, help: 'Embed client cert/key for the user entry in kubeconfig' },
    { name: 'exec-api-version', type: 'string', help: 'API version of the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-arg', type: 'stringSlice', default: [], help: 'New arguments for the exec credential plugin command for the user entry in kubeconfig' },
    { name: 'exec-command', type: 'string', help: 'Command for the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-env', type: 'stringArray', default: [], help: "'key=value' environment values for the exec credential plugin" },
    { name: 'exec-interactive-mode', type: 'string', help: 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'exec-provide-cluster-info', type: 'bool', default: false, help: 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'password', type: 'string', help: 'password for the user entry in kubeconfig' },
    { name: 'token', type: 'string', help: 'token for the user entry in kubeconfig' },
    { name: 'username', type: 'string', help: 'username for the user entry in kubeconfig' },
  ],
  *run(inv) {
    if (inv.args.length !== 1) return unexpectedArgs(inv, setCredentials, true);
    const name = inv.args[0];
    if (inv.flags.str('token') && (inv.flags.str('username') || inv.flags.str('password'))) return fail(inv, 'you cannot specify more than one authentication method at the same time: --token, --username/--password');
    const c = loadConfigs(inv);
    if (!c) return 1;
    const file = destination(c.files, 'users', name);
    const e = entryFor(file, 'users', name, c.merged.users.find((x) => x.name === name)?.user);
    for (const [flag, field] of [['client-certificate', 'client-certificate'], ['client-key', 'client-key']]) {
      const path = inv.flags.str(flag);
      if (!path) continue;
      if (inv.flags.bool('embed-certs')) {
        const err = embed(inv, e, path, field, flag);
        if (err) return fail(inv, err);
      } else {
        e[field] = path;
        delete e[`${field}-data`];
      }
    }
    for (const f of ['token', 'username', 'password']) if (inv.flags.str(f)) e[f] = inv.flags.str(f);
    if (inv.flags.str('auth-provider')) e['auth-provider'] = { name: inv.flags.str('auth-provider'), config: Object.fromEntries(inv.flags.list('auth-provider-arg').map((a) => [a.split('=')[0], a.split('=').slice(1).join('=')])) };
    if (inv.flags.str('exec-command')) {
      e.exec = {
        apiVersion: inv.flags.str('exec-api-version') || undefined,
        args: inv.flags.list('exec-arg').length ? inv.flags.list('exec-arg') : null,
        command: inv.flags.str('exec-command'),
        env: inv.flags.list('exec-env').length ? inv.flags.list('exec-env').map((kv) => ({ name: kv.split('=')[0], value: kv.split('=').slice(1).join('=') })) : null,
        interactiveMode: inv.flags.str('exec-interactive-mode') || 'IfAvailable',
        provideClusterInfo: inv.flags.bool('exec-provide-cluster-info'),
      };
    }
    if (!save(inv, file)) return 1;
    inv.out(`User ${JSON.stringify(name)} set.\n`);
    return 0;
  },
};

function lister(kind: Kind, name: string, short: string, example: string): Command {
  return {
    name,
    short,
    usage: `config ${name} [flags] [options]`,
    examples: example,
    flags: [],
    *run(inv) {
      const c = loadConfigs(inv);
      if (!c) return 1;
      inv.out(`NAME\n${c.merged[kind].map((x) => `${x.name}\n`).join('')}`);
      return 0;
    },
  };
}

function deleter(kind: Kind, name: string, short: string, example: string): Command {
  const cmd: Command = {
    name,
    short,
    usage: `config ${name} NAME [options]`,
    examples: example,
    flags: [],
    *run(inv) {
      if (inv.args.length === 0) {
        inv.out(commandHelp(cmd, inv.commandPath));
        return 0;
      }
      const what = inv.args[0];
      const c = loadConfigs(inv);
      if (!c) return 1;
      const file = destination(c.files, kind, what);
      const list = file.config[kind] as { name: string }[];
      if (!list.some((x) => x.name === what)) return fail(inv, `cannot delete ${FIELD[kind]} ${what}, not in ${file.path}`);
      if (kind === 'clusters') file.config.clusters = file.config.clusters.filter((x) => x.name !== what);
      else file.config.users = file.config.users.filter((x) => x.name !== what);
      if (!save(inv, file)) return 1;
      inv.out(`deleted ${FIELD[kind]} ${what} from ${file.path}\n`);
      return 0;
    },
  };
  return cmd;
}

export const getClusters = lister('clusters', 'get-clusters', 'Display clusters defined in the kubeconfig', '# List the clusters that kubectl knows about\nkubectl config get-clusters');
export const getUsers = lister('users', 'get-users', 'Display users defined in the kubeconfig', '# List the users that kubectl knows about\nkubectl config get-users');
export const deleteCluster = deleter('clusters', 'delete-cluster', 'Delete the specified cluster from the kubeconfig', '# Delete the minikube cluster\nkubectl config delete-cluster minikube');
export const deleteUser = deleter('users', 'delete-user', 'Delete the specified user from the kubeconfig', '# Delete the minikube user\nkubectl config delete-user minikube');
