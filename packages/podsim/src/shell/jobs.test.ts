import { describe, expect, it } from 'vitest';
import { terminalSession } from './testing.js';

describe('job control on a terminal', () => {
  it('runs jobs in the background, stops, resumes and interrupts them like bash', () => {
    const t = terminalSession('bash');
    expect(t.run('sleep 100 &')).toBe('sleep 100 &\n[1] 101\nlearner@podlab:~$');
    expect(t.run('jobs')).toBe('jobs\n[1]+  Running                 sleep 100 &\nlearner@podlab:~$');
    t.type('sleep 50\r', 1000);
    expect(t.type('\x1a')).toBe('^Z\r\n[2]+  Stopped                 sleep 50\r\n\x1b[?2004hlearner@podlab:~$ ');
    expect(t.run('jobs')).toBe('jobs\n[1]-  Running                 sleep 100 &\n[2]+  Stopped                 sleep 50\nlearner@podlab:~$');
    expect(t.run('bg')).toBe('bg\n[2]+ sleep 50 &\nlearner@podlab:~$');
    expect(t.type('fg %1\r', 1000)).toBe('fg %1\r\n\x1b[?2004l\rsleep 100\r\n');
    expect(t.type('\x03')).toBe('^C\r\n\x1b[?2004hlearner@podlab:~$ ');
    expect(t.run('kill %2')).toBe('kill %2\n[2]+  Terminated              sleep 50\nlearner@podlab:~$');
    expect(t.run('jobs')).toBe('jobs\nlearner@podlab:~$');
  });

  it('announces a background job before anything the job prints, as bash does after fork', () => {
    const t = terminalSession('bash');
    expect(t.run('echo hi &')).toBe('echo hi &\n[1] 101\nlearner@podlab:~$ hi\n');
  });

  it('reports finished background jobs before the next prompt', () => {
    const t = terminalSession('bash');
    t.run('sleep 5 &');
    expect(t.run('sleep 10')).toBe('sleep 10\n[1]+  Done                    sleep 5\nlearner@podlab:~$');
    t.run('(exit 3) &');
    expect(t.run('sleep 1')).toBe('sleep 1\n[1]+  Exit 3                  (exit 3)\nlearner@podlab:~$');
  });

  it('Ctrl+C stops a loop of builtins and sets $? to 130', () => {
    const t = terminalSession('bash');
    t.type('while true; do echo -n; done\r', 1000);
    expect(t.type('\x03')).toBe('^C\r\n\x1b[?2004hlearner@podlab:~$ ');
    expect(t.run('echo $?')).toBe('echo $?\n130\nlearner@podlab:~$');
  });

  it('Ctrl+C on the prompt line abandons it', () => {
    const t = terminalSession('bash');
    expect(t.type('abc\x03')).toBe('abc^C\r\n\x1b[?2004l\r\x1b[?2004hlearner@podlab:~$ ');
  });

  it('fg and bg without jobs, and kill of unknown jobs', () => {
    const t = terminalSession('bash');
    expect(t.run('fg')).toBe('fg\nbash: fg: current: no such job\nlearner@podlab:~$');
    expect(t.run('kill %3')).toBe('kill %3\nbash: kill: %3: no such job\nlearner@podlab:~$');
    expect(t.run('kill 4242')).toBe('kill 4242\nbash: kill: (4242) - No such process\nlearner@podlab:~$');
  });

  it('an ash on a terminal is interactive with busybox wording and the root prompt', () => {
    const t = terminalSession('ash');
    expect(t.screen).toBe('/ # ');
    expect(t.run('cd nope; foo')).toBe("cd nope; foo\nsh: cd: can't cd to nope: No such file or directory\nsh: foo: not found\n/ #");
    expect(t.run('exit 4')).toBe('exit 4\n');
    expect(t.proc.exitCode).toBe(4);
  });

  it('Ctrl+D on an empty line ends the line, then exits bash with "exit" (bytes of bash 5.2.15 on a pty)', () => {
    const t = terminalSession('bash');
    expect(t.type('\x04')).toBe('\x1b[?2004l\r\r\nexit\r\n');
    expect(t.proc.alive).toBe(false);
  });
});
