/**
 * Here-documents and end-of-line keys. Expected bytes come from GNU bash 5.2.15 run on a pty
 * (PS1='$ ' there; our prompt differs, the bytes around it do not).
 */
import { describe, expect, it } from 'vitest';
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { forever, wait } from '../kernel/waitable.js';
import { runShell, terminalSession, testMachine } from './testing.js';

const bash = (script: string) => runShell('bash', script);

describe('here-documents', () => {
  it('expand unless the delimiter is quoted; <<- strips leading tabs', () => {
    const r = bash('v=x; cat <<EOF\nhello $v\nEOF\ncat <<"EOF"\nq $v\nEOF\ncat <<-EOF\n\t\ttabbed\n\tEOF\ncat <<E\\OF\nb $v\nEOF\ncat <<\'EOF\'\n$(echo no)\nEOF');
    expect(r.output).toBe('hello x\nq $v\ntabbed\nb $v\n$(echo no)\n');
  });

  it('a body cut by end of input runs, with bash’s warning naming the line of <<', () => {
    const r = bash('echo a\ncat <<EOF\nx');
    expect(r.stdout).toBe('a\nx\n');
    expect(r.stderr).toBe("bash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\n");
  });

  it('scripts piped to bash keep counting lines across commands', () => {
    const m = runShell('bash', 'printf "echo a\\necho b\\ncat <<EOF\\nx" | bash');
    expect(m.stdout).toBe('a\nb\nx\n');
    expect(m.stderr).toBe("bash: warning: here-document at line 3 delimited by end-of-file (wanted `EOF')\n");
  });

  it('interactive: continuation prompts until the delimiter, then writes the file', () => {
    const t = terminalSession();
    expect(t.type('cat <<EOF > pod.yaml\r')).toBe('cat <<EOF > pod.yaml\r\n\x1b[?2004l\r\x1b[?2004h> ');
    expect(t.type('name: $USER\r')).toBe('name: $USER\r\n\x1b[?2004l\r\x1b[?2004h> ');
    t.type('EOF\r');
    expect(t.machine.fs.readFile('/home/learner/pod.yaml')).toBe('name: learner\n');
    expect(t.run('cat <<EOF; echo after\r' + 'a\rEOF')).toBe('cat <<EOF; echo after\n> a\n> EOF\na\nafter\nlearner@podlab:~$');
  });

  it('interactive: Ctrl+D inside the body runs what was read, with the warning', () => {
    const t = terminalSession();
    t.run('echo 1');
    t.run('echo 2');
    t.type('cat <<EOF\r');
    t.type('a\r');
    expect(t.type('\x04')).toBe("\x1b[?2004l\r\r\nbash: warning: here-document at line 3 delimited by end-of-file (wanted `EOF')\r\na\r\n\x1b[?2004hlearner@podlab:~$ ");
  });

  it('interactive: Ctrl+C inside the body drops it', () => {
    const t = terminalSession();
    t.type('cat <<EOF > f\r');
    t.type('a\r');
    t.type('\x03');
    expect(t.machine.fs.exists('/home/learner/f')).toBe(false);
    expect(t.run('echo ok')).toBe('echo ok\nok\nlearner@podlab:~$');
  });
});

describe('Ctrl+C on a foreground program', () => {
  it('ends the line when the program dies of SIGINT, not when it catches it and exits (bash 5.2 on a pty)', () => {
    const catcher: Program = function* (proc) {
      proc.trap(SIGNALS.SIGINT, () => proc.exit(1));
      yield* wait(forever);
      return 0;
    };
    const t = terminalSession('bash', { machine: testMachine({ catcher }) });
    t.type('sleep 100\r', 1000);
    expect(t.type('\x03')).toBe('^C\r\n\x1b[?2004hlearner@podlab:~$ ');
    t.type('catcher\r', 1000);
    expect(t.type('\x03')).toBe('^C\x1b[?2004hlearner@podlab:~$ ');
  });
});
