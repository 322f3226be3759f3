/**
 * Static pods: the kubelet runs what its staticPodPath holds, whatever the API says, and keeps one
 * mirror pod per static pod in the API (same name, `kubernetes.io/config.mirror`, owned by the Node)
 * so that kubectl sees it. A mirror deleted with kubectl comes straight back; a file removed stops
 * its pod and then the mirror goes. The folder is listed when the kubelet starts and every
 * fileCheckFrequency (20 s) after.
 * Models pkg/kubelet/config/file.go (run, listConfig), config.go (config.seen/source), the kubelet's
 * syncPod mirror handling and pod/mirror_client.go (CreateMirrorPod, DeleteMirrorPod).
 */
import { rfc3339Nano } from '../api/objects.js';
import type { KubeObject, Pod } from '../api/types.js';
import type { TimerHandle } from '../clock/clock.js';
import { watchDir, type DirNode, type FileSystem } from '../kernel/fs.js';
import type { KubeletJournal } from './journal.js';
import type { NodeContext } from './node-context.js';
import type { PodWorker } from './pod-worker.js';
import { CONFIG_HASH, CONFIG_MIRROR, CONFIG_SEEN, CONFIG_SOURCE, readStaticPods } from './static-source.js';

interface Running {
  pod: Pod;
  worker: PodWorker;
}

export interface StaticPodsDeps {
  ctx: NodeContext;
  fs: FileSystem;
  journal: KubeletJournal;
  /** Starts a worker for a static pod (the kubelet keeps it with the others, for exec and logs). */
  run(pod: Pod): PodWorker;
}

/** The directory at an absolute path of the node's own tree (no mounts there; symbolic links not followed). */
function dirNodeAt(root: DirNode, path: string): DirNode | undefined {
  let node: DirNode | undefined = root;
  for (const seg of path.split('/').filter(Boolean)) {
    const next: unknown = node?.children.get(seg);
    node = next && (next as { kind: string }).kind === 'dir' ? (next as DirNode) : undefined;
  }
  return node;
}

const fullName = (p: { metadata?: { name?: string; namespace?: string } }) => `${p.metadata?.namespace}/${p.metadata?.name}`;

export class StaticPods {
  private readonly pods = new Map<string, Running>();
  /** When each static pod was first seen (config.seen), by UID. */
  private readonly seen = new Map<string, number>();
  private timer: TimerHandle | undefined;
  /** The folder's watch (inotify), and the listing it asked for. */
  private unwatch: (() => void) | undefined;
  private watched: DirNode | undefined;
  private soon: TimerHandle | undefined;
  private config: { dir?: string; periodMs: number } = { periodMs: 20_000 };

  constructor(private readonly deps: StaticPodsDeps) {}

  /** The kubelet (re)started with this configuration: list the folder now, then periodically. */
  start(dir: string | undefined, periodMs: number): void {
    this.stop();
    this.config = { dir, periodMs };
    if (dir === undefined) return;
    this.list();
    this.tick();
  }

  stop(): void {
    this.deps.ctx.clock.cancel(this.timer);
    this.deps.ctx.clock.cancel(this.soon);
    this.timer = this.soon = undefined;
    this.unwatch?.();
    this.unwatch = this.watched = undefined;
  }

  /**
   * Watches the folder as the kubelet's inotify watch does, so a file written, moved or removed there
   * is acted on at once; the periodic listing still catches what the watch missed (the folder replaced).
   */
  private watch(): void {
    const dir = dirNodeAt(this.deps.fs.root, this.config.dir ?? '');
    if (dir === this.watched) return;
    this.unwatch?.();
    this.watched = dir;
    this.unwatch = dir
      ? watchDir(dir, () => {
          this.soon ??= this.deps.ctx.clock.setTimer(0, () => {
            this.soon = undefined;
            this.list();
          });
        })
      : undefined;
  }

  private tick(): void {
    this.timer = this.deps.ctx.clock.setTimer(this.config.periodMs, () => {
      this.list();
      this.tick();
    });
  }

  /** One listing: start what appeared, stop what went away (a changed file is both: its UID changed). */
  list(): void {
    const dir = this.config.dir;
    if (dir === undefined) return;
    const { ctx, fs, journal } = this.deps;
    this.watch();
    const found = new Map(readStaticPods(fs, dir, ctx.nodeName, journal).map((m) => [m.pod.metadata?.uid ?? '', m.pod]));
    for (const [uid, r] of [...this.pods]) {
      if (found.has(uid)) continue;
      this.pods.delete(uid);
      this.seen.delete(uid);
      const done = r.worker.onTerminated;
      r.worker.onTerminated = () => {
        done?.();
        this.deleteMirror(r.pod);
      };
      r.worker.orphan();
    }
    for (const [uid, pod] of found) {
      if (this.pods.has(uid)) continue;
      if (!this.seen.has(uid)) this.seen.set(uid, ctx.clock.now());
      pod.metadata = { ...pod.metadata, annotations: { ...pod.metadata?.annotations, [CONFIG_SEEN]: rfc3339Nano(this.seen.get(uid)!), [CONFIG_SOURCE]: 'file' } };
      const r = { pod, worker: this.deps.run(pod) };
      this.pods.set(uid, r);
      this.ensureMirror(r);
    }
  }

  private byFullName(name: string): Running | undefined {
    for (const r of this.pods.values()) if (fullName(r.pod) === name) return r;
    return undefined;
  }

  /** A pod of this node that carries the mirror annotation changed in the API. */
  onMirror(type: 'ADDED' | 'MODIFIED' | 'DELETED', mirror: Pod): void {
    const clock = this.deps.ctx.clock;
    // Acted on after the watch delivery, as the kubelet's sync loop does.
    clock.setTimer(0, () => {
      const r = this.byFullName(fullName(mirror));
      if (type === 'DELETED') {
        if (r) this.ensureMirror(r);
        return;
      }
      const current = r && mirror.metadata?.annotations?.[CONFIG_MIRROR] === r.pod.metadata?.uid;
      if (!current || mirror.metadata?.deletionTimestamp) this.forceDelete(mirror);
    });
  }

  /** Creates the mirror pod when the API has none that is this static pod's and alive. */
  private ensureMirror(r: Running): void {
    const { api, nodeName } = this.deps.ctx;
    const m = r.pod.metadata ?? {};
    const existing = api.get<Pod & KubeObject>('pods', m.namespace, m.name ?? '');
    if (existing.ok) {
      if (existing.value.metadata.annotations?.[CONFIG_MIRROR] === m.uid && !existing.value.metadata.deletionTimestamp) return;
      // Outdated (another version of the file) or being deleted: the kubelet replaces it.
      this.forceDelete(existing.value);
    }
    const node = api.get('nodes', undefined, nodeName);
    const ownerReferences = node.ok ? [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.value.metadata.uid ?? '', controller: true }] : undefined;
    const annotations = { ...m.annotations, [CONFIG_MIRROR]: m.uid ?? '' };
    // The mirror gets a UID of its own from the API server.
    const meta = { ...m, uid: undefined };
    const created = api.create('pods', m.namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, annotations, ...(ownerReferences ? { ownerReferences } : {}) }, spec: r.pod.spec });
    if (!created.ok) {
      this.deps.journal.log('E', 'kubelet.go:1925', 'Failed creating a mirror pod', { err: created.status.message ?? '', pod: `${m.namespace}/${m.name}` });
      return;
    }
    r.worker.resendStatus();
  }

  private forceDelete(mirror: Pod): void {
    const m = mirror.metadata ?? {};
    this.deps.ctx.api.delete('pods', m.namespace, m.name ?? '', { gracePeriodSeconds: 0 });
  }

  /** After a removed static pod has stopped: its mirror goes, when it is still that pod's. */
  private deleteMirror(pod: Pod): void {
    const m = pod.metadata ?? {};
    if (this.byFullName(fullName(pod))) return;
    const existing = this.deps.ctx.api.get<Pod & KubeObject>('pods', m.namespace, m.name ?? '');
    if (existing.ok && existing.value.metadata.annotations?.[CONFIG_HASH] === m.uid) this.forceDelete(existing.value);
  }
}
