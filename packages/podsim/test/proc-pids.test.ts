/**
 * /proc/PID of each live process in a container's PID namespace, as the kernel shows it: a shell
 * reads its own status (`grep Cap /proc/$$/status`, tasks/debug/debug-running-pod's sysadmin
 * profile, whose page prints CapPrm/CapEff 000001ffffffffff), a debug container sharing the target's
 * namespace sees the target's processes, and a process that exits leaves no directory behind.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';

/** A shell opened with `open`; each line's output as the terminal shows it, tabs as single spaces. */
async function shellIn(sb: Sandbox, open: string): Promise<(line: string) => string> {
  sb.runLine(open, 30_000);
  sb.advance(5_000);
  // The terminal expands the file's tabs; compare words.
  return (line) => sb.runLine(line, 5_000).output.replace(/[ \t]+/g, ' ');
}

describe('/proc of a container', () => {
  it('has a status for each live process: the shell, with the capabilities of its profile', async () => {
    const sb = new Sandbox({ cols: 200 });
    await sb.run('kubectl run myapp --image=busybox:1.28 --restart=Never -- sleep 1d');
    await sb.run('kubectl wait --for=condition=Ready pod/myapp --timeout=60s');
    const sh = await shellIn(sb, 'kubectl debug -it myapp --image=busybox:1.28 --target=myapp --profile=sysadmin');
    const pid = sh('echo $$').trim();
    expect(pid).toMatch(/^\d+$/);
    expect(sh('grep Cap /proc/$$/status')).toBe('CapInh: 0000000000000000\nCapPrm: 000001ffffffffff\nCapEff: 000001ffffffffff\nCapBnd: 000001ffffffffff\nCapAmb: 0000000000000000\n');
    expect(sh('grep -E "^(Name|Pid|PPid):" /proc/$$/status')).toBe(`Name: sh\nPid: ${pid}\nPPid: 0\n`);
    // The target's sleep, in the namespace the debug container joined.
    expect(sh('grep Name /proc/1/status')).toBe('Name: sleep\n');
    const listed = sh('ls /proc').split(/\s+/).filter((n) => /^\d+$/.test(n));
    expect(listed).toContain(pid);
    const child = sh('sh -c "echo \\$\\$"').trim();
    expect(sh(`ls /proc/${child} 2>&1`)).toBe(`ls: /proc/${child}: No such file or directory\n`);
  });
});
