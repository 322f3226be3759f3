/**
 * `kustomize build` as kubectl 1.32 embeds it (kustomize v5.5.0, api/krusty and
 * api/internal/target/kusttarget.go): a kustomization's resources (files, and directories that are
 * kustomizations themselves, built first), its generators, then its transformers in kustomize's order;
 * at the top, the generated names' hash suffixes, the name back-references and the legacy sort.
 * Errors carry kustomize's wrapping so they read as kubectl prints them.
 */
import { resolvePath } from '../../kernel/fs.js';
import { toYaml } from '../printers/yaml.js';
import { runGenerators } from './generators.js';
import { hashOf } from './hash.js';
import { loadKustomization, type Kustomization } from './kustomization.js';
import { fixBackReferences } from './nameref.js';
import { legacySort } from './order.js';
import { applyJson6902Patches, applyPatch, applyStrategicMergePatches } from './patches.js';
import { idOf, idString, KustomizeError, newRes, nsEquals, parseObjects, storePreviousId, type Id, type KFs, type Res } from './res.js';
import { transformNames, transformValues } from './transformers.js';

const enoent = (abs: string) => `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
const within = (abs: string, root: string) => abs === root || abs.startsWith(root === '/' ? '/' : `${root}/`);

/** The loader's Load: a file at or below the kustomization root. */
function readRooted(fs: KFs, root: string, path: string): string {
  const abs = resolvePath(root, path);
  if (!within(abs, root)) throw new KustomizeError(`security; file '${abs}' is not in or below '${root}'`);
  if (!fs.exists(abs)) throw new KustomizeError(enoent(abs));
  const text = fs.read(abs);
  if (text === undefined) throw new KustomizeError(`read ${abs}: is a directory`);
  return text;
}

const sameId = (a: Id, b: Id) => nsEquals(a.namespace, b.namespace) && a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name;

/** resWrangler.Append: no two resources may share their current id. */
function append(into: Res[], items: Res[]): void {
  for (const r of items) {
    const id = idOf(r);
    if (into.some((x) => sameId(idOf(x), id))) throw new KustomizeError(`may not add resource with an already registered id: ${idString(id)}`);
    into.push(r);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

class Builder {
  constructor(
    private readonly fs: KFs,
    private readonly warn: (line: string) => void,
  ) {}

  /** Builds directory `root` up to its transformers (KustTarget.AccumulateTarget). */
  accumulate(root: string): Res[] {
    const k = loadKustomization(this.fs, root, this.warn);
    const resources: Res[] = [];
    for (const path of k.resources ?? []) this.accumulateResource(resources, root, path);
    const read = (p: string) => readRooted(this.fs, root, p);
    runGenerators(this.fs, root, k, resources, (_fs, _dir, p) => this.kvRead(root, p, k));
    this.transform(resources, k, read);
    return resources;
  }

  private kvRead(root: string, path: string, k: Kustomization): string {
    try {
      return readRooted(this.fs, root, path);
    } catch (e) {
      const gens = [...(k.configMapGenerator ?? []), ...(k.secretGenerator ?? [])];
      const g = gens.find((x) => (x.envs ?? []).includes(path));
      const files = gens.find((x) => (x.files ?? []).some((f) => f === path || f.endsWith(`=${path}`)));
      const what = g ? `env source files: [${(g.envs ?? []).join(' ')}]` : `file sources: [${(files?.files ?? [path]).join(' ')}]`;
      throw new KustomizeError(`loading KV pairs: ${what}: ${message(e)}`);
    }
  }

  private transform(resources: Res[], k: Kustomization, read: (p: string) => string): void {
    if (k.patchesStrategicMerge?.length) applyStrategicMergePatches(resources, k.patchesStrategicMerge, read);
    for (const p of k.patches ?? []) {
      applyPatch(resources, p, (path) => {
        try {
          return read(path);
        } catch (e) {
          throw new KustomizeError(`trouble configuring builtin PatchTransformer with config: \`\n${toYaml(p)}\`: failed to get the patch file from path(${path}): ${message(e)}`);
        }
      });
    }
    transformNames(resources, k);
    if (k.patchesJson6902?.length) applyJson6902Patches(resources, k.patchesJson6902, read);
    transformValues(resources, k);
  }

  /** Reads `path` as a file of objects; the error text if it is not one (KustTarget.accumulateFile). */
  private accumulateFile(resources: Res[], root: string, path: string, abs: string): { error: string; malformed: boolean } | undefined {
    const fail = (why: string, malformed = false) => ({ error: `accumulating resources from '${path}': ${why}`, malformed });
    if (!within(abs, root)) return fail(`security; file '${abs}' is not in or below '${root}'`);
    if (!this.fs.exists(abs)) return fail(enoent(abs));
    if (this.fs.isDir(abs)) return fail(`'${abs}' must resolve to a file`);
    let objs;
    try {
      objs = parseObjects(this.fs.read(abs) ?? '', path);
    } catch (e) {
      return fail(message(e), true);
    }
    try {
      append(resources, objs.map(newRes));
    } catch (e) {
      return { error: `merging resources from '${path}': ${message(e)}`, malformed: false };
    }
    return undefined;
  }

  /** One `resources` entry: a file of objects, else a directory holding a kustomization. */
  private accumulateResource(resources: Res[], root: string, path: string): void {
    const abs = resolvePath(root, path);
    const file = this.accumulateFile(resources, root, path, abs);
    if (!file) return;
    if (file.malformed) throw new KustomizeError(`accumulating resources: ${file.error}`);
    const wrap = (inner: string) => new KustomizeError(`accumulating resources: accumulation err='${file.error}': ${inner}`);
    if (!this.fs.exists(abs)) throw wrap(`must build at directory: not a valid directory: ${enoent(abs)}`);
    if (!this.fs.isDir(abs)) throw wrap(`must build at directory: '${abs}': file is not directory`);
    try {
      loadKustomization(this.fs, abs, () => undefined);
    } catch (e) {
      throw wrap(`couldn't make target for path '${abs}': ${message(e)}`);
    }
    let sub: Res[];
    try {
      sub = this.accumulate(abs);
    } catch (e) {
      throw wrap(`recursed accumulation of path '${abs}': ${message(e)}`);
    }
    try {
      append(resources, sub);
    } catch (e) {
      throw wrap(`recursed merging from path '${abs}': ${message(e)}`);
    }
  }
}

export interface BuildResult {
  /** The YAML stream kubectl kustomize prints. */
  yaml: string;
  objects: Record<string, unknown>[];
}

/**
 * Builds the kustomization in `dir` (as typed, relative to `cwd`). Deprecation warnings go to `warn`
 * as they are met; a failure throws KustomizeError with the text kubectl prints after `error: `.
 */
export function kustomizeBuild(fs: KFs, cwd: string, dir: string, warn: (line: string) => void): BuildResult {
  const root = resolvePath(cwd, dir || '.');
  if (!fs.exists(root)) throw new KustomizeError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${root}: no such file or directory`);
  if (!fs.isDir(root)) throw new KustomizeError(`must build at directory: '${dir}': file is not directory`);
  const resources = new Builder(fs, warn).accumulate(root);
  for (const r of resources) {
    if (!r.needsHash) continue;
    const suffix = hashOf(r.obj);
    storePreviousId(r);
    r.obj.metadata.name = `${idOf(r).name}-${suffix}`;
  }
  fixBackReferences(resources);
  const sorted = legacySort(resources);
  return { yaml: sorted.map((r) => toYaml(r.obj)).join('---\n'), objects: sorted.map((r) => r.obj) };
}
