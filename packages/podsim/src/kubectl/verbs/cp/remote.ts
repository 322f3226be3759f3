/**
 * One `kubectl exec` as kubectl cp makes it (its own ExecOptions per call): the pod looked up in the
 * spec's namespace, the completed-pod refusal, the default container with its notice written where
 * that call's error stream goes, and the command run with the given input to the end.
 */
import type { Pod } from '../../../api/types.js';
import { Pipe, emptyInput, type OutputStream } from '../../../kernel/streams.js';
import { wait } from '../../../kernel/waitable.js';
import type { Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { containerFor } from '../../pods.js';
import { streamErrorText } from '../exec/exec.js';

export interface RemoteCall {
  namespace: string;
  pod: string;
  container: string;
  argv: string[];
  /** Text for the command's stdin (then closed); none means no stdin stream. */
  input?: string;
  stdout: OutputStream;
  /** The command's stderr, and where kubectl's own notices for this call go. */
  stderr: OutputStream;
}

/** The command's exit status, or the error text kubectl would end with (not yet printed). */
export type RemoteResult = { ok: true; code: number } | { ok: false; error: string };

export function* runInPod(inv: Invocation, call: RemoteCall) {
  const got = inv.api.get('pods', call.namespace, call.pod);
  if (!got.ok) return { ok: false, error: statusErrorText(got.status) } as RemoteResult;
  const pod = got.value as unknown as Pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { ok: false, error: plainError(`cannot exec into a container in a completed pod; current phase is ${phase}`) } as RemoteResult;
  const notices: Invocation = { ...inv, err: (text: string) => call.stderr.write(text) };
  const c = containerFor(notices, pod, call.container);
  const container = c.ok ? c.name : call.container;
  let stdin = emptyInput;
  if (call.input !== undefined) {
    const pipe = new Pipe();
    pipe.write(call.input);
    pipe.close();
    stdin = pipe;
  }
  const r = inv.streams.exec(call.namespace, call.pod, container, call.argv, { stdin, stdout: call.stdout, stderr: call.stderr, tty: false });
  if (!r.ok) return { ok: false, error: streamErrorText(r.status) } as RemoteResult;
  const code = yield* wait(r.proc.exited);
  return { ok: true, code } as RemoteResult;
}

/** What kubectl prints for a remote command that exited non-zero (an ExitError through CheckErr). */
export function exitText(code: number): string {
  return `command terminated with exit code ${code}\n`;
}
