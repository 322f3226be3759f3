/**
 * Pod volumes as directory trees shared by the pod's containers: emptyDir, configMap/secret/projected/
 * downwardAPI (files written the atomic-writer way: `..data` → `..<timestamp>`, one symlink per key),
 * hostPath (a directory of the node) and persistentVolumeClaim (a directory per claim that outlives pods).
 * Models pkg/volume/{emptydir,configmap,secret,projected,downwardapi,hostpath}/ and
 * pkg/volume/util/atomic_writer.go.
 */
import type { ApiClient, ConfigMap, KubeObject, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Volume } from '../api/types.js';
import { signedToken, TOKEN_ISSUER } from '../api/service-account-token.js';
import { newDir, S_ISGID, type DirNode, type FileNode } from '../kernel/fs.js';
import type { Random } from '../random/random.js';
import { decodeBase64, fieldValue, getObject, resourceValue } from './env.js';

export interface VolumeContext {
  api: ApiClient;
  now: number;
  random: Random;
  podIP: string;
  hostIP: string;
  allocatable: { cpu: number; memory: number };
  /** The node's own file system root, for hostPath. */
  nodeRoot: DirNode;
  /** The directories of PersistentVolumes without a node-local source, by volume name, kept across pods. */
  claims: Map<string, DirNode>;
}

export type VolumesResult = { ok: true; dirs: Map<string, DirNode> } | { ok: false; volume: string; message: string };

interface ProjectedFile {
  path: string;
  data: string;
  mode: number;
  /** Owner the atomic writer gives the file (a token's FsUser); root otherwise. */
  uid?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `..2026_11_27_09_00_00.123456789`: the atomic writer's timestamped payload directory. */
function payloadName(now: number, random: Random): string {
  const d = new Date(now);
  return `..${d.getUTCFullYear()}_${pad(d.getUTCMonth() + 1)}_${pad(d.getUTCDate())}_${pad(d.getUTCHours())}_${pad(d.getUTCMinutes())}_${pad(d.getUTCSeconds())}.${1_000_000_000 + random.int(3_000_000_000)}`;
}

function fileIn(dir: DirNode, path: string, file: FileNode, now: number): void {
  const segs = path.split('/').filter(Boolean);
  let cur = dir;
  for (const s of segs.slice(0, -1)) {
    let next = cur.children.get(s);
    if (!next || next.kind !== 'dir') cur.children.set(s, (next = newDir(now)));
    cur = next;
  }
  if (segs.length) cur.children.set(segs[segs.length - 1], file);
}

/** Writes `files` into `dir` the way the kubelet's atomic writer lays them out. */
export function writeProjection(dir: DirNode, files: ProjectedFile[], now: number, random: Random): void {
  const payload = newDir(now);
  for (const f of files) fileIn(payload, f.path, { kind: 'file', data: f.data, mode: f.mode, mtime: now, ...(f.uid ? { uid: f.uid } : {}) }, now);
  for (const name of [...dir.children.keys()]) if (name.startsWith('..') || dir.children.get(name)?.kind === 'link') dir.children.delete(name);
  const ts = payloadName(now, random);
  dir.children.set(ts, payload);
  dir.children.set('..data', { kind: 'link', target: ts, mtime: now });
  for (const top of payload.children.keys()) dir.children.set(top, { kind: 'link', target: `..data/${top}`, mtime: now });
  dir.mtime = now;
}

type Items = { key: string; path: string; mode?: number }[] | undefined;

function keyFiles(data: Record<string, string>, items: Items, mode: number): ProjectedFile[] | string {
  if (!items || items.length === 0) return Object.keys(data).sort().map((k) => ({ path: k, data: data[k], mode }));
  const out: ProjectedFile[] = [];
  for (const it of items) {
    if (!(it.key in data)) return it.key;
    out.push({ path: it.path, data: data[it.key], mode: it.mode ?? mode });
  }
  return out;
}

function configMapFiles(ctx: VolumeContext, ns: string, src: { name?: string; items?: Items; optional?: boolean }, mode: number): ProjectedFile[] | { error: string } {
  const cm = getObject<ConfigMap>(ctx.api, 'configmaps', ns, src.name ?? '');
  if (!cm) return src.optional ? [] : { error: `configmap ${JSON.stringify(src.name ?? '')} not found` };
  const files = keyFiles({ ...(cm.data ?? {}) }, src.items, mode);
  return typeof files === 'string' ? { error: `configmap references non-existent config key: ${files}` } : files;
}

function secretFiles(ctx: VolumeContext, ns: string, name: string, items: Items, optional: boolean | undefined, mode: number): ProjectedFile[] | { error: string } {
  const secret = getObject<Secret>(ctx.api, 'secrets', ns, name);
  if (!secret) return optional ? [] : { error: `secret ${JSON.stringify(name)} not found` };
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) data[k] = decodeBase64(v);
  const files = keyFiles(data, items, mode);
  return typeof files === 'string' ? { error: `references non-existent secret key: ${files}` } : files;
}

type DownwardItem = { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { containerName?: string; resource: string; divisor?: unknown }; mode?: number };

function downwardFiles(pod: Pod, ctx: VolumeContext, items: DownwardItem[], mode: number): ProjectedFile[] {
  return items.map((it) => {
    let data = '';
    const fp = it.fieldRef?.fieldPath;
    if (fp === 'metadata.labels' || fp === 'metadata.annotations') {
      const map = (fp === 'metadata.labels' ? pod.metadata?.labels : pod.metadata?.annotations) ?? {};
      data = Object.keys(map).sort().map((k) => `${k}=${JSON.stringify(map[k])}`).join('\n');
    } else if (fp) data = fieldValue(pod, fp, ctx.podIP, ctx.hostIP) ?? '';
    else if (it.resourceFieldRef) {
      const c = (pod.spec?.containers ?? []).find((x) => x.name === it.resourceFieldRef!.containerName);
      data = resourceValue(c, it.resourceFieldRef.resource, it.resourceFieldRef.divisor as string | undefined, ctx.allocatable);
    }
    return { path: it.path, data, mode: it.mode ?? mode };
  });
}

/** The projected token the kubelet asks for on the pod's behalf (bound to the pod). */
function token(pod: Pod, ctx: VolumeContext, expirationSeconds: number): string {
  const iat = Math.floor(ctx.now / 1000);
  const ns = pod.metadata?.namespace ?? 'default';
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const claims = {
    aud: [TOKEN_ISSUER],
    exp: iat + expirationSeconds,
    iat,
    iss: TOKEN_ISSUER,
    'kubernetes.io': { namespace: ns, node: { name: pod.spec?.nodeName ?? '' }, pod: { name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' }, serviceaccount: { name: sa } },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  };
  return signedToken(claims, ctx.random);
}

/**
 * FsUserFrom (pkg/volume/util): the uid every init and app container runs as when they all set the same
 * runAsUser (own or the pod's); undefined when one sets none or two differ.
 */
function fsUserOf(pod: Pod): number | undefined {
  const podUser = (pod.spec?.securityContext as { runAsUser?: number } | undefined)?.runAsUser;
  const users = new Set([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => (c.securityContext as { runAsUser?: number } | undefined)?.runAsUser ?? podUser));
  return users.size === 1 ? [...users][0] : undefined;
}

function projectedFiles(pod: Pod, ctx: VolumeContext, v: NonNullable<Volume['projected']>): ProjectedFile[] | { error: string } {
  const ns = pod.metadata?.namespace ?? 'default';
  const mode = v.defaultMode ?? 0o644;
  const out: ProjectedFile[] = [];
  // projected.go: a token is the user's alone (0600, theirs) when the pod says who reads it; fsGroup's ownership then adds group read.
  const fsUser = fsUserOf(pod);
  const fsGroup = (pod.spec?.securityContext as { fsGroup?: number } | undefined)?.fsGroup;
  const tokenMode = fsUser !== undefined || fsGroup !== undefined ? 0o600 : mode;
  for (const s of v.sources ?? []) {
    let files: ProjectedFile[] | { error: string } = [];
    if (s.serviceAccountToken) files = [{ path: s.serviceAccountToken.path, data: token(pod, ctx, s.serviceAccountToken.expirationSeconds ?? 3607), mode: tokenMode, ...(fsUser ? { uid: fsUser } : {}) }];
    else if (s.configMap) files = configMapFiles(ctx, ns, s.configMap as { name?: string; items?: Items; optional?: boolean }, mode);
    else if (s.secret) files = secretFiles(ctx, ns, s.secret.name ?? '', s.secret.items as Items, s.secret.optional, mode);
    else if (s.downwardAPI) files = downwardFiles(pod, ctx, (s.downwardAPI.items ?? []) as DownwardItem[], mode);
    if (!Array.isArray(files)) return files;
    out.push(...files);
  }
  return out;
}

function hostDir(root: DirNode, path: string, now: number): DirNode {
  let cur = root;
  for (const seg of path.split('/').filter(Boolean)) {
    let next = cur.children.get(seg);
    if (!next || next.kind !== 'dir') cur.children.set(seg, (next = newDir(now)));
    cur = next;
  }
  return cur;
}

/**
 * The volume bound to a claim: a hostPath volume is that directory of this node (so its files stay on
 * the node); any other kind is one directory per volume that follows pods from node to node.
 */
function claimedVolume(ns: string, claimName: string, ctx: VolumeContext): DirNode | { error: string } {
  const claim = ctx.api.get<PersistentVolumeClaim & KubeObject>('persistentvolumeclaims', ns, claimName);
  if (!claim.ok) return { error: `persistentvolumeclaim ${JSON.stringify(claimName)} not found` };
  const volumeName = claim.value.spec?.volumeName;
  if (!volumeName) return { error: `error processing PVC ${ns}/${claimName}: PVC is not bound` };
  const volume = ctx.api.get<PersistentVolume & KubeObject>('persistentvolumes', undefined, volumeName);
  if (!volume.ok) return { error: `error processing PVC ${ns}/${claimName}: failed to fetch PV ${JSON.stringify(volumeName)} from API server: ${volume.status.message ?? ''}` };
  const hostPath = volume.value.spec?.hostPath?.path;
  if (hostPath !== undefined) return hostDir(ctx.nodeRoot, hostPath, ctx.now);
  let dir = ctx.claims.get(volumeName);
  if (!dir) ctx.claims.set(volumeName, (dir = newDir(ctx.now)));
  return dir;
}

/** The files of a configMap/secret/projected/downwardAPI volume; undefined for the other kinds. */
function projectionFiles(pod: Pod, v: Volume, ctx: VolumeContext): ProjectedFile[] | { error: string } | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  if (v.configMap) return configMapFiles(ctx, ns, v.configMap as { name?: string; items?: Items; optional?: boolean }, v.configMap.defaultMode ?? 0o644);
  if (v.secret) return secretFiles(ctx, ns, v.secret.secretName ?? '', v.secret.items as Items, v.secret.optional, v.secret.defaultMode ?? 0o644);
  if (v.projected) return projectedFiles(pod, ctx, v.projected);
  if (v.downwardAPI) return downwardFiles(pod, ctx, (v.downwardAPI.items ?? []) as DownwardItem[], v.downwardAPI.defaultMode ?? 0o644);
  return undefined;
}

function build(pod: Pod, v: Volume, ctx: VolumeContext): DirNode | { error: string } {
  const ns = pod.metadata?.namespace ?? 'default';
  const files = projectionFiles(pod, v, ctx);
  if (files) {
    if (!Array.isArray(files)) return files;
    const dir = newDir(ctx.now, 0o1777);
    writeProjection(dir, files, ctx.now, ctx.random);
    return dir;
  }
  if (v.hostPath) return hostDir(ctx.nodeRoot, v.hostPath.path, ctx.now);
  if (v.persistentVolumeClaim) return claimedVolume(ns, v.persistentVolumeClaim.claimName, ctx);
  // emptyDir, and the kinds the simulator has no backend for, are a fresh directory.
  return newDir(ctx.now, 0o777);
}

/**
 * fsGroup ownership (pkg/volume/volume_linux.go SetVolumeOwnership) for the volume kinds that support
 * it: every file and directory gets the group, group read (and write unless the volume is read-only)
 * access; directories also group search and the set-group-ID bit, so new files inherit the group.
 */
function setVolumeOwnership(pod: Pod, v: Volume, dir: DirNode): void {
  const fsGroup = (pod.spec?.securityContext as { fsGroup?: number } | undefined)?.fsGroup;
  if (fsGroup === undefined) return;
  const projected = !!(v.configMap || v.secret || v.projected || v.downwardAPI);
  if (!projected && (v.hostPath || v.persistentVolumeClaim)) return;
  const mask = projected ? 0o440 : 0o660;
  const walk = (n: DirNode | FileNode) => {
    n.gid = fsGroup;
    n.mode |= n.kind === 'dir' ? mask | 0o110 | S_ISGID : mask;
    if (n.kind === 'dir') for (const c of n.children.values()) if (c.kind !== 'link') walk(c);
  };
  walk(dir);
}

/** Whether volume `v` shows the data of ConfigMap/Secret `name`. */
export function volumeUses(v: Volume, kind: 'configmaps' | 'secrets', name: string): boolean {
  if (kind === 'configmaps') return v.configMap?.name === name || !!v.projected?.sources?.some((s) => s.configMap?.name === name);
  return v.secret?.secretName === name || !!v.projected?.sources?.some((s) => s.secret?.name === name);
}

/** Rewrites the files of the volumes that show `kind/name` (the kubelet's periodic projection refresh). */
export function refreshVolumes(pod: Pod, dirs: Map<string, DirNode>, kind: 'configmaps' | 'secrets', name: string, ctx: VolumeContext): void {
  for (const v of pod.spec?.volumes ?? []) {
    const dir = dirs.get(v.name);
    if (!dir || !volumeUses(v, kind, name)) continue;
    const files = projectionFiles(pod, v, ctx);
    if (!Array.isArray(files)) continue;
    writeProjection(dir, files, ctx.now, ctx.random);
    setVolumeOwnership(pod, v, dir);
  }
}

export function buildVolumes(pod: Pod, ctx: VolumeContext): VolumesResult {
  const dirs = new Map<string, DirNode>();
  for (const v of pod.spec?.volumes ?? []) {
    const r = build(pod, v, ctx);
    if ('error' in r) return { ok: false, volume: v.name, message: `MountVolume.SetUp failed for volume ${JSON.stringify(v.name)} : ${r.error}` };
    setVolumeOwnership(pod, v, r);
    dirs.set(v.name, r);
  }
  return { ok: true, dirs };
}
