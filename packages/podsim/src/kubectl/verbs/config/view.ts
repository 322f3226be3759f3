/** `kubectl config view [--minify] [--flatten] [--raw] [-o …]`: the merged kubeconfig. Models kubectl pkg/cmd/config/view.go. */
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';
import { readConfigFiles, mergeConfigs } from '../../kubeconfig/files.js';
import { minified, shortened, toDocument, type Entry, type KubeConfig } from '../../kubeconfig/model.js';
import { readLocalFile } from '../../local-files.js';
import { TEMPLATE_FLAGS, outputFormat, printObjects } from '../../output.js';
import type { KubeObject } from '../../../api/types.js';
import { resolvePath } from '../../../kernel/fs.js';

/** Go struct field order of the v1 kubeconfig types, which `-o json` keeps. */
const ORDER: Record<string, string[]> = {
  cluster: ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'],
  user: ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'],
  context: ['cluster', 'user', 'namespace', 'extensions'],
};
const ordered = (e: Entry, kind: string): Entry => Object.fromEntries(Object.entries(e).sort(([a], [b]) => ORDER[kind].indexOf(a) - ORDER[kind].indexOf(b)));

function structOrder(c: KubeConfig): KubeConfig {
  return {
    ...c,
    clusters: c.clusters.map((x) => ({ name: x.name, cluster: ordered(x.cluster, 'cluster') })),
    users: c.users.map((x) => ({ name: x.name, user: ordered(x.user, 'user') })),
    contexts: c.contexts.map((x) => ({ name: x.name, context: ordered(x.context, 'context') })),
  };
}

/** clientcmdapi.FlattenConfig: file references become -data fields (paths relative to the working directory here). */
function flatten(inv: Parameters<NonNullable<Command['run']>>[0], c: KubeConfig): { ok: true; config: KubeConfig } | { ok: false; error: string } {
  const embed = (e: Entry, file: string, data: string): { ok: true; entry: Entry } | { ok: false; error: string } => {
    const path = e[file];
    if (typeof path !== 'string' || !path) return { ok: true, entry: e };
    const abs = resolvePath(inv.proc.cwd, path);
    const r = readLocalFile(inv, abs);
    if (!r.ok) return { ok: false, error: r.error };
    const copy = { ...e, [data]: btoa(r.text) };
    delete copy[file];
    return { ok: true, entry: copy };
  };
  const clusters = [];
  for (const x of c.clusters) {
    const r = embed(x.cluster, 'certificate-authority', 'certificate-authority-data');
    if (!r.ok) return r;
    clusters.push({ ...x, cluster: r.entry });
  }
  const users = [];
  for (const x of c.users) {
    let u: Entry = x.user;
    for (const [file, data] of [['client-certificate', 'client-certificate-data'], ['client-key', 'client-key-data']]) {
      const r = embed(u, file, data);
      if (!r.ok) return r;
      u = r.entry;
    }
    users.push({ ...x, user: u });
  }
  return { ok: true, config: { ...c, clusters, users } };
}

export const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'config view [flags] [options]',
  examples: '# Show merged kubeconfig settings\nkubectl config view\n\n# Get the password for the e2e user\nkubectl config view -o jsonpath=\'{.users[?(@.name == "e2e")].user.password}\'',
  flags: [
    { name: 'flatten', type: 'bool', default: false, help: 'Embed referenced files so the output stands alone.' },
    { name: 'merge', type: 'bool', default: true, help: 'Merge the full hierarchy of kubeconfig files.' },
    { name: 'minify', type: 'bool', default: false, help: 'Only what the current context uses.' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', help: 'Output format: json, yaml, jsonpath=…, go-template=….' },
    { name: 'raw', type: 'bool', default: false, help: 'Show certificate data and secrets as they are.' },
    { name: 'show-managed-fields', type: 'bool', default: false, help: 'Keep managedFields in JSON or YAML output.' },
    ...TEMPLATE_FLAGS,
  ],
  *run(inv) {
    const out = outputFormat(inv, false);
    if (!out.ok || !out.format) {
      inv.err(plainError(out.ok ? 'no output format' : out.message));
      return 1;
    }
    const read = readConfigFiles(inv);
    if (!read.ok) {
      inv.err(plainError(read.error));
      return 1;
    }
    let config = mergeConfigs(read.files);
    if (inv.flags.bool('minify')) {
      const cur = config['current-context'];
      if (!cur) {
        inv.err(plainError('current-context must exist in order to minify'));
        return 1;
      }
      const ctx = config.contexts.find((x) => x.name === cur);
      const missing = !ctx ? `context ${cur}` : !config.clusters.some((x) => x.name === ctx.context.cluster) ? `cluster ${String(ctx.context.cluster)}` : !config.users.some((x) => x.name === ctx.context.user) ? `user ${String(ctx.context.user)}` : '';
      if (missing) {
        inv.err(plainError(`cannot locate ${missing}`));
        return 1;
      }
      config = minified(config)!;
    }
    if (inv.flags.bool('flatten')) {
      const f = flatten(inv, config);
      if (!f.ok) {
        inv.err(plainError(f.error));
        return 1;
      }
      config = f.config;
    } else if (!inv.flags.bool('raw')) config = shortened(config);
    const doc = toDocument(structOrder(config)) as unknown as KubeObject;
    // the Config has no metadata.name
    if (out.format.type === 'name') {
      inv.out('config/<unknown>\n');
      return 0;
    }
    if (out.format.type === 'json') {
      inv.out(`${JSON.stringify(doc, null, 4)}\n`);
      return 0;
    }
    return printObjects(inv, out.format, [{ info: { kind: 'Config', group: '' }, obj: doc }], { single: true, structOrder: true }) ? 0 : 1;
  },
};
