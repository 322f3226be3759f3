/**
 * procps `ps aux` in a container, as on a real node: PID 1 and what it starts have no terminal (`?`),
 * the `kubectl exec -it` shell has pts/0; STAT marks session leaders `s` and the terminal's
 * foreground group `+`, ps itself running `R`. Layout as procps-ng 4 prints it (STAT 4 wide).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

describe('ps aux (procps)', () => {
  it('shows each process\'s terminal and session state', () => {
    const sb = new Sandbox();
    sb.runLine('kubectl run d --image=debian:bookworm -- sleep 3600');
    sb.advance(60_000);
    sb.runLine("kubectl exec d -- sh -c 'apt-get update >/dev/null && apt-get install -y procps >/dev/null'", 120_000);
    sb.runLine('kubectl exec -it d -- bash', 5_000);
    const out = sb.runLine('ps aux', 5_000).output.replace(/\r/g, '');
    const rows = out.split('\n').filter((l) => l.trim() !== '');
    expect(rows[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(rows.find((l) => l.endsWith(' sleep 3600'))).toMatch(/^root +1 .* \? +Ss +\d\d:\d\d +0:00 sleep 3600$/);
    expect(rows.find((l) => l.endsWith(' bash'))).toMatch(/ pts\/0 +Ss +\d\d:\d\d +0:00 bash$/);
    expect(rows.find((l) => l.endsWith(' ps aux'))).toMatch(/ pts\/0 +R\+ +\d\d:\d\d +0:00 ps aux$/);
  });
});
