import { describe, expect, it } from 'vitest';
import { runShell } from './testing.js';

// Expected bytes come from Debian's dash 0.5 (`dash -c '…' | od -c`), the /bin/sh of debian-based images.
describe("dash's echo (Debian /bin/sh)", () => {
  it('always interprets backslash escapes', () => {
    expect(runShell('dash', 'echo "username: my\\npassword: x\\n"').stdout).toBe('username: my\npassword: x\n\n');
    expect(runShell('dash', 'echo "\\0101"').stdout).toBe('A\n');
  });
  it('takes a lone leading -n only; -e and a second -n are printed; \\c ends the output', () => {
    expect(runShell('dash', 'echo -n "no nl\\c"; echo').stdout).toBe('no nl\n');
    expect(runShell('dash', 'echo -e "a\\tb"').stdout).toBe('-e a\tb\n');
    expect(runShell('dash', 'echo -n -n x').stdout).toBe('-n x');
  });
  it('leaves busybox ash and bash echo as they were: escapes only with -e', () => {
    expect(runShell('ash', 'echo "a\\nb"').stdout).toBe('a\\nb\n');
    expect(runShell('bash', 'echo "a\\nb"').stdout).toBe('a\\nb\n');
  });
});
