/**
 * crictl's commands on one container (cri-tools v1.32.0 cmd/crictl exec.go, logs.go, container.go
 * stop): the ID is any unique prefix, as containerd's store resolves it, and failures come back as
 * containerd's gRPC errors wrapped in crictl's words.
 */
import { rfc3339Nano } from '../../api/objects.js';
import type { Proc } from '../../kernel/process.js';
import type { Task } from '../../kernel/waitable.js';
import type { Kubelet } from '../../kubelet/kubelet.js';
import type { CriContainer } from './cri-view.js';
import { runRemote } from '../../kubectl/remote-session.js';
import type { CrictlArgs, FlagSpec } from './crictl-flags.js';

export const EXEC_FLAGS: FlagSpec[] = [
  { names: ['interactive', 'i'], kind: 'bool' },
  { names: ['tty', 't'], kind: 'bool' },
  { names: ['sync', 's'], kind: 'bool' },
  { names: ['timeout'], kind: 'int' },
];
export const LOGS_FLAGS: FlagSpec[] = [
  { names: ['tail'], kind: 'int' },
  { names: ['timestamps', 't'], kind: 'bool' },
  { names: ['previous', 'p'], kind: 'bool' },
];

/** containerd's lookup by ID prefix (its truncindex): one match, or a NotFound/ambiguity error. */
export function lookup(containers: CriContainer[], want: string): { ok: true; c: CriContainer } | { ok: false; error: string } {
  const found = containers.filter((c) => c.id.startsWith(want));
  if (found.length === 1) return { ok: true, c: found[0] };
  return { ok: false, error: found.length ? `ambiguous ID ${JSON.stringify(want)}` : `rpc error: code = NotFound desc = an error occurred when try to find container ${JSON.stringify(want)}: not found` };
}

/** The log lines `crictl logs` prints: `--tail N` keeps the last N; `-t` puts the line's time (RFC3339Nano, as the kubelet's log reader) in front. */
export function logLines(c: CriContainer, args: CrictlArgs): { stream: 'stdout' | 'stderr'; text: string }[] {
  const all = c.log();
  const tail = args.isSet('tail') && args.int('tail') >= 0 ? all.slice(all.length - Math.min(args.int('tail'), all.length)) : all;
  return tail.map((l) => ({ stream: l.stream, text: args.bool('timestamps') ? `${rfc3339Nano(l.time)} ${l.text}` : l.text }));
}

/**
 * `crictl exec [-i] [-t] ID CMD…` runs CMD in the container through the kubelet's streaming server. A
 * command that fails ends crictl with its error (exit 1, whatever the command's own code), as the
 * remote executor returns `command terminated with exit code N`.
 */
export function* execIn(proc: Proc, kubelet: Kubelet, c: CriContainer, want: string, args: CrictlArgs): Task<{ error?: string }> {
  const argv = args.args.slice(1);
  if (c.state !== 'Running') return { error: `execing command in container ${want}: rpc error: code = Unknown desc = container is in CONTAINER_${c.state.toUpperCase()} state` };
  const tty = args.bool('tty');
  if (tty && !args.bool('interactive')) return { error: `execing command in container ${want}: tty=true must be specified with interactive=true` };
  const r = yield* runRemote({ proc }, (stdio) => kubelet.exec(c.pod.namespace, c.pod.name, c.name, argv, stdio), args.bool('interactive'), tty);
  if (!r.ok) return { error: `execing command in container ${want}: ${r.status.message ?? 'error'}` };
  if (r.code !== 0) return { error: `execing command in container ${want}: command terminated with exit code ${r.code}` };
  return {};
}
