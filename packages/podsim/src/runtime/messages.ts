/**
 * containerd / runc error texts, worded as the kubelet receives them over CRI
 * (containerd internal/cri/server container_start.go, container_execsync.go; runc libcontainer).
 */
import { FsError } from '../kernel/fs.js';

export function startFailed(execError: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${execError}: unknown`;
}

export function execFailed(execId: string, execError: string): string {
  return `failed to exec in container: failed to start exec ${JSON.stringify(execId)}: OCI runtime exec failed: exec failed: unable to start container process: ${execError}: unknown`;
}

export function execNotRunning(): string {
  return 'failed to exec in container: container is in CONTAINER_EXITED state';
}

export function noCommand(containerId: string): string {
  return `failed to generate container ${JSON.stringify(containerId)} spec: failed to generate spec: no command specified`;
}

export function imageNotFound(ref: string): string {
  return `failed to get image ${JSON.stringify(ref)}: not found`;
}

export function pullFailed(canonical: string, detail: string, code: 'NotFound' | 'Unknown'): string {
  return `rpc error: code = ${code} desc = failed to pull and unpack image ${JSON.stringify(canonical)}: failed to resolve reference ${JSON.stringify(canonical)}: ${detail}`;
}

export const PULL_ACCESS_DENIED = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

export function mountFailed(e: unknown): string {
  const path = e instanceof FsError ? e.path : '';
  const why = e instanceof FsError ? e.text.toLowerCase() : String(e);
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting into rootfs at ${JSON.stringify(path)}: ${why}: unknown`;
}
