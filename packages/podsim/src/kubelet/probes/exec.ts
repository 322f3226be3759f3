/**
 * exec probes: run a command in the container; exit 0 is success, the combined output is the message.
 * Models pkg/probe/exec/exec.go and the CRI ExecSync timeout (`command "…" timed out`).
 */
import type { Clock } from '../../clock/clock.js';
import { SIGNALS } from '../../kernel/signals.js';
import { emptyInput, StringSink } from '../../kernel/streams.js';
import { race, sleep, type Waitable } from '../../kernel/waitable.js';
import type { RuntimeContainer } from '../../runtime/types.js';
import { settled, type ProbeOutcome } from './types.js';

const MAX_OUTPUT = 10 * 1024;

export function execProbe(container: RuntimeContainer, clock: Clock, command: string[], timeoutMs: number): Waitable<ProbeOutcome> {
  const out = new StringSink();
  const r = container.exec(command, { stdin: emptyInput, stdout: out, stderr: out, tty: false });
  if (!r.ok) return settled({ result: 'Unknown', output: '', error: `rpc error: code = Unknown desc = ${r.message}` });
  const proc = r.proc;
  return {
    subscribe(resume) {
      return race([proc.exited, sleep(clock, timeoutMs)]).subscribe(({ index, value }) => {
        if (index === 1) {
          proc.kill(SIGNALS.SIGKILL);
          resume({ result: 'Failure', output: `command ${JSON.stringify(command.join(' '))} timed out` });
          return;
        }
        const output = out.text.slice(0, MAX_OUTPUT);
        resume({ result: value === 0 ? 'Success' : 'Failure', output });
      });
    },
  };
}
