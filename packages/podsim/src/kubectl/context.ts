/**
 * What programs on the reader's machine (the shell, kubectl, coreutils) get as `proc.ctx`.
 * The reader's machine is outside the cluster, like a laptop with kubectl configured.
 */
import type { Clock } from '../clock/clock.js';
import type { ApiClient, PodStreams } from '../api/types.js';
import type { FileSystem } from '../kernel/fs.js';
import type { NetNamespace } from '../kernel/net.js';
import type { Waitable } from '../kernel/waitable.js';
import type { Random } from '../random/random.js';
import type { MachineContext } from '../kernel/machine.js';
import type { CompletionContext } from '../shell/complete.js';

export type EditorMode = 'vi' | 'nano' | 'code' | 'edit';

export interface KubeConfigInfo {
  context: string;
  cluster: string;
  user: string;
  namespace: string;
  server: string;
}

export interface HostContext extends MachineContext, CompletionContext {
  clock: Clock;
  random: Random;
  api: ApiClient;
  streams: PodStreams;
  /** The reader's files (the sandbox's working directory lives here, e.g. /home/learner). */
  fs: FileSystem;
  /** The reader's machine's loopback: port-forward listens here so curl localhost:PORT works. */
  net: NetNamespace;
  kubeconfig: KubeConfigInfo;
  /** Asks the UI to open `path` in the editor; settles when the reader closes it (saved or not). */
  openEditor(path: string, mode: EditorMode): Waitable<{ saved: boolean }>;
}
