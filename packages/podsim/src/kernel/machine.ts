/**
 * The part of `proc.ctx` every machine provides, so one program (ls, cat, wget…) runs the same in a
 * container and on the reader's machine. HostContext and the container context both extend it.
 */
import type { Credentials } from './access.js';
import type { FileSystem } from './fs.js';
import type { NetNamespace } from './net.js';
import type { Proc } from './process.js';

export interface MachineContext {
  fs: FileSystem;
  /** Loopback + this machine's address; absent for a machine without network. */
  net?: NetNamespace;
  /** Wording of the shared coreutils programs: busybox (alpine, busybox images) or GNU (debian, the reader's machine; the default). */
  flavor?: 'busybox' | 'gnu';
  /** Login name of the processes' user (`id`, `whoami`, `ps`); root when absent. */
  user?: string;
  /** The processes' ids (a container's runAsUser/runAsGroup and groups); derived from `user` when absent. */
  creds?: Credentials;
  /** Documents this machine can fetch from outside the cluster, by http(s) URL: its whole web (the reader's machine only). */
  web?: Readonly<Record<string, string>>;
}

export type { Credentials } from './access.js';

export function machineOf(proc: Proc): MachineContext {
  return proc.ctx as MachineContext;
}
