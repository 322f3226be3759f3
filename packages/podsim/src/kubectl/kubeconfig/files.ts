/**
 * The kubeconfig files kubectl reads and writes (client-go clientcmd loading rules): --kubeconfig,
 * else each file of $KUBECONFIG (the first to name an entry wins), else ~/.kube/config. The
 * sandbox's own admin config stands in for ~/.kube/config until something writes it.
 */
import { yaml } from '../../format/yaml-parser.js';
import { resolvePath } from '../../kernel/fs.js';
import type { Invocation } from '../command.js';
import { goPathError } from '../local-files.js';
import { toYaml } from '../printers/yaml.js';
import { emptyConfig, sandboxConfig, toDocument, type Entry, type KubeConfig, type Named } from './model.js';

export interface ConfigFile {
  /** As the reader wrote it (messages name it so). */
  path: string;
  abs: string;
  config: KubeConfig;
  exists: boolean;
}

const defaultPath = (inv: Invocation): string => `${inv.proc.env.HOME ?? '/root'}/.kube/config`;

/** The files in precedence order; `explicit` is --kubeconfig. */
export function configPaths(inv: Invocation): { paths: string[]; explicit: boolean } {
  const flag = inv.flags.str('kubeconfig');
  if (flag) return { paths: [flag], explicit: true };
  const env = (inv.proc.env.KUBECONFIG ?? '').split(':').filter(Boolean);
  if (env.length) return { paths: [...new Set(env)], explicit: false };
  return { paths: [defaultPath(inv)], explicit: false };
}

/**
 * The named entries of a list, each body as client-go decodes it into its Go struct: absent or null is
 * the zero value, whose fields without omitempty (a cluster's `server`, a context's `cluster` and
 * `user`) are then written back as "" (the docs' configure-access-multiple-clusters skeleton).
 */
function named<K extends string>(list: unknown, key: K, zero: Entry): Named<Record<K, Entry>>[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string')
    .map((e) => {
      const body = e[key];
      return { ...e, [key]: { ...zero, ...(body && typeof body === 'object' ? body : {}) } } as Named<Record<K, Entry>>;
    });
}

/** Reads one file; an unreadable or malformed one is kubectl's error text. */
export function readConfigFile(inv: Invocation, path: string): { ok: true; file: ConfigFile } | { ok: false; error: string } {
  const abs = resolvePath(inv.proc.cwd, path);
  const fs = inv.host.fs;
  if (!fs.exists(abs)) {
    const isDefault = abs === resolvePath('/', defaultPath(inv));
    return { ok: true, file: { path, abs, config: isDefault ? sandboxConfig(inv.host.kubeconfig) : emptyConfig(), exists: isDefault } };
  }
  let text: string;
  try {
    text = fs.readFile(abs);
  } catch (e) {
    return { ok: false, error: goPathError('read', path, e) };
  }
  let doc: Record<string, unknown>;
  try {
    doc = (yaml().parse(text) ?? {}) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, error: `error loading config file "${path}": yaml: ${(e as Error).message.split('\n')[0]}` };
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, error: `error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }` };
  const config: KubeConfig = {
    clusters: named(doc.clusters, 'cluster', { server: '' }),
    contexts: named(doc.contexts, 'context', { cluster: '', user: '' }),
    'current-context': typeof doc['current-context'] === 'string' ? doc['current-context'] : '',
    preferences: (doc.preferences as Record<string, unknown>) ?? {},
    users: named(doc.users, 'user', {}),
  };
  return { ok: true, file: { path, abs, config, exists: true } };
}

export function readConfigFiles(inv: Invocation): { ok: true; files: ConfigFile[] } | { ok: false; error: string } {
  const files: ConfigFile[] = [];
  for (const p of configPaths(inv).paths) {
    const r = readConfigFile(inv, p);
    if (!r.ok) return r;
    files.push(r.file);
  }
  return { ok: true, files };
}

/** The merged view: for each name the first file's entry, the first non-empty current-context. */
export function mergeConfigs(files: ConfigFile[]): KubeConfig {
  const merged = emptyConfig();
  const add = <T>(into: Named<T>[], from: Named<T>[]) => {
    for (const e of from) if (!into.some((x) => x.name === e.name)) into.push(e);
  };
  for (const f of files) {
    add(merged.clusters, f.config.clusters);
    add(merged.contexts, f.config.contexts);
    add(merged.users, f.config.users);
    if (!merged['current-context']) merged['current-context'] = f.config['current-context'];
  }
  return merged;
}

/** The file a change goes to: the one already holding the entry, else the first. */
export function destination(files: ConfigFile[], kind?: 'clusters' | 'contexts' | 'users', name?: string): ConfigFile {
  if (kind && name) {
    const holder = files.find((f) => f.config[kind].some((e) => e.name === name));
    if (holder) return holder;
  }
  return files[0];
}

/** Writes a config back as kubectl does (keys sorted, `null` for an empty list). */
export function writeConfigFile(inv: Invocation, file: ConfigFile): string | undefined {
  try {
    const dir = file.abs.slice(0, file.abs.lastIndexOf('/')) || '/';
    inv.host.fs.mkdir(dir, true);
    inv.host.fs.writeFile(file.abs, toYaml(toDocument(file.config)));
    file.exists = true;
    return undefined;
  } catch (e) {
    return goPathError('open', file.path, e);
  }
}
