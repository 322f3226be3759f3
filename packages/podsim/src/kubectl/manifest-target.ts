/**
 * Where a manifest object goes: its resource (REST mapping from apiVersion + kind), namespace
 * (the manifest's, else -n, else the context's) and name, with kubectl's mapping/namespace errors.
 */
import { findResourceByKind, noKindMatchMessage } from '../api/resources.js';
import type { ResourceInfo } from '../api/types.js';
import type { Invocation } from './command.js';
import kustomize from './kustomize/kustomize.lazy.js';
import { LazyPart } from '../lazy/part.js';
import { manifestErrorText, readManifests, type Manifest, type ManifestResult } from './manifests.js';
import { plainError } from './errors.js';

/** kustomize, loaded after the prompt in the site's worker (kubectl waits for it). */
const KUSTOMIZE = new LazyPart('kustomize', kustomize);

export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  /** The manifest with metadata.namespace filled in for namespaced resources. */
  obj: Record<string, unknown> & { metadata: Record<string, unknown> };
  /** The object as the file has it (what `--local` commands work on). */
  manifest: Record<string, unknown>;
  source: string;
}

export function targetOf(inv: Invocation, m: Manifest): { ok: true; target: Target } | { ok: false; message: string } {
  const apiVersion = String(m.obj.apiVersion);
  const kind = String(m.obj.kind);
  const meta = (typeof m.obj.metadata === 'object' && m.obj.metadata !== null ? m.obj.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const manifestNs = typeof meta.namespace === 'string' ? meta.namespace : '';
  const info = findResourceByKind(apiVersion, kind);
  if (!info) {
    return {
      ok: false,
      message: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(manifestNs)} from ${JSON.stringify(m.source)}: ${noKindMatchMessage(apiVersion, kind)}\nensure CRDs are installed first`,
    };
  }
  if (info.namespaced && manifestNs && inv.namespaceExplicit && manifestNs !== inv.namespace) {
    return {
      ok: false,
      message: `the namespace from the provided object ${JSON.stringify(manifestNs)} does not match the namespace ${JSON.stringify(inv.namespace)}. You must pass '--namespace=${manifestNs}' to perform this operation.`,
    };
  }
  const namespace = info.namespaced ? manifestNs || inv.namespace : undefined;
  const obj = structuredClone(m.obj) as Target['obj'];
  obj.metadata = { ...meta };
  if (namespace) obj.metadata.namespace = namespace;
  return { ok: true, target: { info, namespace, name, obj, manifest: m.obj, source: m.source } };
}

/** `Resource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"` as kubectl's apply errors name an object. */
export function describeTarget(t: Target): string {
  const gv = `${t.info.group}/${t.info.version}`;
  return `Resource: "${gv}, Resource=${t.info.resource}", GroupVersionKind: "${gv}, Kind=${t.info.kind}"\nName: "${t.name}", Namespace: "${t.namespace ?? ''}"`;
}

/** Whether the command names its objects through `-f` or `-k`. */
export function manifestArgsGiven(inv: Invocation): boolean {
  return inv.flags.list('filename').length > 0 || inv.flags.str('kustomize') !== '';
}

/**
 * Reads `-f` files (or builds `-k`'s kustomization) and maps every object to its target, printing kubectl's errors: reading errors
 * end the command (nothing is sent), mapping errors only skip that object.
 */
export function* readTargets(inv: Invocation, files: readonly string[], verb: 'apply' | 'create' | 'get' | 'delete' | 'patch' | 'replace' | 'describe' | 'exec', recursive = false) {
  const dir = inv.flags.str('kustomize');
  if (dir !== '' && files.length > 0) {
    inv.err(plainError('only one of -f or -k can be specified'));
    return undefined;
  }
  let read: ManifestResult;
  if (dir !== '') {
    const built = KUSTOMIZE.get().runKustomize(inv, dir);
    if (!built.ok) {
      // get's and describe's human printers report the builder's error bare, the other paths through `error: `.
      const bare = verb === 'describe' || (verb === 'get' && ['', 'wide'].includes(inv.flags.str('output')));
      inv.err(bare ? `${built.error}\n` : plainError(built.error));
      return undefined;
    }
    read = { ok: true, manifests: built.result.objects.map((obj) => ({ source: dir, obj })) };
  } else read = yield* readManifests(inv, files, recursive);
  if (!read.ok) {
    inv.err(manifestErrorText(read.errors));
    return undefined;
  }
  if (read.manifests.length === 0) {
    inv.err(plainError(`no objects passed to ${verb}`));
    return undefined;
  }
  const targets: Target[] = [];
  let failed = false;
  for (const m of read.manifests) {
    const t = targetOf(inv, m);
    if (t.ok) targets.push(t.target);
    else {
      inv.err(plainError(t.message));
      failed = true;
    }
  }
  return { targets, failed };
}
