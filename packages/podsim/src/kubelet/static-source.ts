/**
 * The kubelet's file source: every non-hidden regular file in its staticPodPath is one Pod manifest,
 * decoded, defaulted and validated as the kubelet does, named `NAME-NODENAME` with a UID hashed from
 * its content, node and path. A file that fails is logged and skipped; the rest still run.
 * Models pkg/kubelet/config/file.go (extractFromDir, extractFromFile) and common.go (applyDefaults,
 * tryDecodeSinglePod).
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { defaultPod } from '../api/defaults/pod.js';
import type { Any } from '../api/objects.js';
import type { Pod } from '../api/types.js';
import { errorText } from '../api/validation/field.js';
import { validatePodSpec } from '../api/validation/pod.js';
import { yamlToJson } from '../format/yaml-to-json.js';
import { FsError, type FileSystem } from '../kernel/fs.js';
import type { KubeletJournal } from './journal.js';

export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';

/** The scheme the kubelet decodes with names itself in "no kind registered" errors. */
const SCHEME = 'pkg/api/legacyscheme/scheme.go:30';

type Decoded = { ok: true; pod: Pod } | { ok: false; message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** tryDecodeSinglePod plus extractFromFile's wording: parse failures are wrapped, validation failures are not. */
export function decodeStaticPod(text: string, path: string, nodeName: string): Decoded {
  const notParsed = (why: string): Decoded => ({ ok: false, message: `${path}: couldn't parse as pod(${why}), please check config file` });
  const json = yamlToJson(text);
  if (!json.ok) return notParsed(json.message);
  const obj = json.value;
  if (!isObject(obj) || typeof obj.kind !== 'string' || obj.kind === '') return notParsed(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') return notParsed(`Object 'apiVersion' is missing in '${JSON.stringify(obj)}'`);
  const version = obj.apiVersion;
  if (obj.kind !== 'Pod' || version !== 'v1') return notParsed(`no kind ${JSON.stringify(obj.kind)} is registered for version ${JSON.stringify(version)} in scheme ${JSON.stringify(SCHEME)}`);
  // A decoded object of our own, written as the kubelet's defaulting does (the API types are read-only).
  const pod = structuredClone(obj) as { metadata?: Any; spec?: Any; status?: unknown };
  const meta = (pod.metadata ??= {});
  if (!meta.name) return { ok: false, message: 'invalid pod: name is needed for the pod' };
  defaultPod(pod as never);
  const spec = (pod.spec ??= {});
  if (!meta.uid) {
    const digest = md5(utf8ToBytes(`${JSON.stringify(pod)}host:${nodeName}file:${path}`));
    meta.uid = bytesToHex(digest);
  }
  meta.name = `${meta.name}-${nodeName}`;
  meta.namespace ||= 'default';
  spec.nodeName = nodeName;
  meta.annotations = { ...meta.annotations, [CONFIG_HASH]: meta.uid };
  // Static pods tolerate every NoExecute taint, so node problems never evict them.
  const tolerations: Record<string, unknown>[] = spec.tolerations ?? [];
  if (!tolerations.some((t) => t.operator === 'Exists' && !t.key && t.effect === 'NoExecute')) spec.tolerations = [...tolerations, { operator: 'Exists', effect: 'NoExecute' }];
  pod.status = { phase: 'Pending' };
  const errs = validatePodSpec(spec as never, 'spec');
  if (errs.length) return { ok: false, message: `invalid pod: [${errs.map(errorText).join(' ')}]` };
  return { ok: true, pod: pod as Pod };
}

export interface StaticManifest {
  path: string;
  pod: Pod;
}

/**
 * What each file decoded to, by node, path and text (decoding is a pure function of the three): the folder
 * is listed every 20 s, and only a changed file is parsed again.
 */
const DECODED = new Map<string, Decoded>();

/** One listing of the folder, as listConfig does on each tick; what could not be read is in the journal. */
export function readStaticPods(fs: FileSystem, dir: string, nodeName: string, journal: KubeletJournal): StaticManifest[] {
  let names: string[];
  try {
    if (fs.stat(dir).kind !== 'dir') throw new FsError('ENOTDIR', dir);
    names = fs.readdir(dir);
  } catch {
    journal.log('E', 'file.go:114', 'Unable to read config path', { err: 'path does not exist, ignoring', path: dir });
    return [];
  }
  const out: StaticManifest[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const path = `${dir.replace(/\/+$/, '')}/${name}`;
    let kind: string;
    try {
      kind = fs.stat(path).kind;
    } catch (e) {
      journal.log('E', 'file.go:170', 'Could not get metadata', { err: `stat ${path}: ${e instanceof FsError ? e.text.toLowerCase() : String(e)}`, path });
      continue;
    }
    if (kind === 'dir') {
      journal.log('E', 'file.go:180', 'Provided manifest path is a directory, not recursing into manifest path', { path });
      continue;
    }
    const text = fs.readFile(path);
    // A node name has no slash and a path starts with one; no path holds a NUL.
    const key = `${nodeName}${path}\0${text}`;
    const decoded = structuredClone(DECODED.get(key) ?? DECODED.set(key, decodeStaticPod(text, path, nodeName)).get(key)!);
    if (decoded.ok) out.push({ path, pod: decoded.pod });
    else journal.log('E', 'file.go:187', 'Could not process manifest file', { err: decoded.message, path });
  }
  return out;
}
