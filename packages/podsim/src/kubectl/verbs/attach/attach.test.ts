import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../kernel/signals.js';
import { hostWithCluster } from '../../testing.js';

const TALKER = `apiVersion: v1
kind: Pod
metadata:
  name: talker
spec:
  containers:
  - name: talker
    image: busybox
    command: ["sh", "-c", "while true; do echo tick; sleep 1; done"]
  - name: shell
    image: busybox
    command: ["sh"]
    stdin: true
    tty: true
`;

function started() {
  const { host, cluster } = hostWithCluster({ 'talker.yaml': TALKER });
  host.run(['apply', '-f', 'talker.yaml']);
  cluster.advance(15_000);
  return { host, cluster };
}

describe('kubectl attach', () => {
  it('streams output from now on until Ctrl+C, then stops writing (detached)', () => {
    const { host, cluster } = started();
    const r = host.start(['attach', 'talker']);
    cluster.advance(2_500);
    expect(r.err.text).toBe('Defaulted container "talker" out of: talker, shell\nIf you don\'t see a command prompt, try pressing enter.\n');
    expect(r.out.text).toMatch(/^(tick\n){2,3}$/);
    r.proc.kill(SIGNALS.SIGINT);
    const seen = r.out.text;
    cluster.advance(3_000);
    expect(r.proc.alive).toBe(false);
    expect(r.out.text).toBe(seen);
  });

  it('-it on a terminal talks to the shell; leaving it prints the resume hint', () => {
    const { host, cluster } = started();
    const { run, tty, screen } = host.startOnTerminal(['attach', '-it', 'talker', '-c', 'shell']);
    cluster.advance(100);
    tty.type('echo pid=$$\r');
    cluster.advance(500);
    expect(screen()).toContain('pid=1\r\n');
    tty.type('exit\r');
    cluster.advance(1_000);
    expect(run.code).toBe(0);
    expect(screen()).toContain("Session ended, resume using 'kubectl attach talker -c shell -i -t' command when the pod is running\r\n");
  });

  it('follows the container\'s terminal setting, as attach.go does', () => {
    const { host, cluster } = started();
    const r = host.start(['attach', '-t', 'talker', '-c', 'talker', '-q']);
    cluster.advance(1_500);
    r.proc.kill(SIGNALS.SIGINT);
    expect(r.err.text).toBe('');
    const noTty = host.start(['attach', '-t', 'talker', '-c', 'talker']);
    cluster.advance(100);
    noTty.proc.kill(SIGNALS.SIGINT);
    expect(noTty.err.text).toBe("error: Unable to use a TTY - container talker did not allocate one\nIf you don't see a command prompt, try pressing enter.\n");
  });

  it('words its errors like kubectl 1.32', () => {
    const { host, cluster } = started();
    expect(host.run(['attach'])).toEqual({ code: 1, stdout: '', stderr: 'error: at least 1 argument is required for attach\n' });
    expect(host.run(['attach', 'a', 'b', 'c']).stderr).toBe('error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n');
    expect(host.run(['attach', 'a', '--pod-running-timeout=0']).stderr).toBe("error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples\n");
    expect(host.run(['attach', 'nope']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(host.run(['attach', 'pod', 'nope']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(host.run(['attach', 'talker', '-c', 'zzz']).stderr).toBe('error: cannot attach to the container: container zzz not found in pod talker\n');
    host.run(['run', 'done', '--image=busybox', '--restart=Never', '--', 'true']);
    cluster.advance(20_000);
    expect(host.run(['attach', 'done']).stderr).toBe('error: cannot attach a container in a completed pod; current phase is Succeeded\n');
  });
});
