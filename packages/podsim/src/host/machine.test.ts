import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';
import { ctimeDate } from './programs/watch.js';
import { COMMAND_NAMES } from '../kubectl/verbs/index.js';

describe('the reader’s machine', () => {
  it('curl and wget reach what listens on the machine’s loopback (where port-forward listens)', async () => {
    const sb = new Sandbox();
    sb.machine.net.listen({ port: 8080, owner: 'kubectl', http: (req) => ({ status: 200, body: `hello from ${req.path}\n` }) });
    expect((await sb.run('curl -s localhost:8080/x')).output).toBe('hello from /x\n');
    expect((await sb.run('curl -s localhost:9999; echo $?')).output).toBe('7\n');
  });

  it('knows kubectl, the shells and the editors, and says command not found otherwise', async () => {
    const sb = new Sandbox();
    expect((await sb.run('type kubectl bash vi')).output).toBe('kubectl is /usr/local/bin/kubectl\nbash is /bin/bash\nvi is /usr/bin/vi\n');
    expect(await sb.run('kubect')).toEqual({ output: 'bash: kubect: command not found\n', exitCode: 127 });
  });

  it('gives the reader their own files: home, saved files and new ones are learner\'s; /tmp is sticky and world-writable', async () => {
    const sb = new Sandbox({ files: { 'pod.yaml': 'kind: Pod\n' } });
    expect((await sb.run('ls -l pod.yaml')).output).toBe('-rw-r--r-- 1 learner learner 10 Nov 27 09:00 pod.yaml\n');
    expect((await sb.run('mkdir d && touch d/f && ls -l d')).output).toBe('total 0\n-rw-r--r-- 1 learner learner 0 Nov 27 09:00 f\n');
    expect((await sb.run('ls -ld /tmp ~')).output).toBe('drwxr-xr-x 3 learner learner 4096 Nov 27 09:00 /home/learner\ndrwxrwxrwt 2 root    root    4096 Nov 27 09:00 /tmp\n');
    expect((await sb.run('grep learner /etc/passwd')).output).toBe('learner:x:1000:1000:learner:/home/learner:/bin/bash\n');
  });

  it('runs scripts from the working directory with bash', async () => {
    const sb = new Sandbox({ files: { 'hello.sh': 'echo "hi $1"\nexit 3\n' } });
    expect(await sb.run('./hello.sh you')).toEqual({ output: 'hi you\n', exitCode: 3 });
    expect((await sb.run('bash hello.sh me')).output).toBe('hi me\n');
  });

  it('watch redraws a command every 2 s under its header until Ctrl+C', () => {
    const sb = new Sandbox();
    let raw = '';
    sb.onOutput((d) => (raw += d));
    sb.runLine('watch echo hi', 4500);
    expect(raw).toContain('\x1b[?1049h\x1b[H\x1b[2JEvery 2.0s: echo hi');
    expect(raw).toContain(`podlab: ${ctimeDate(sb.now() - 4500 + 1)}`);
    expect(raw.split('Every 2.0s').length - 1).toBe(3);
    raw = '';
    sb.write('\x03');
    sb.settle(100);
    expect(raw.startsWith('^C\x1b[?1049l\r\n')).toBe(true);
  });

  it('completes kubectl verbs, resource types and names from the cluster', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run web --image=nginx');
    sb.settle(100);
    let raw = '';
    sb.onOutput((d) => (raw += d));
    sb.write('kubectl desc\t');
    // `po` is also poddisruptionbudgets: Tab completes the common prefix only.
    sb.write('po\t');
    sb.write('s\t');
    sb.write('w\t');
    expect(raw).toBe('kubectl describe pods web ');
  });

  it('completes the command names kubectl 1.32 completes, from the verb list', async () => {
    // `kubectl.1.32 __complete ""` (upstream build), one name per line.
    const real = 'annotate api-resources api-versions apply attach auth autoscale certificate cluster-info completion config cordon cp create debug delete describe diff drain edit events exec explain expose get help kustomize label logs options patch plugin port-forward proxy replace rollout run scale set taint top uncordon version wait';
    expect(COMMAND_NAMES.join(' ')).toBe(real);
  });

  it("completes a verb's own flags from its definition", async () => {
    const sb = new Sandbox();
    let raw = '';
    sb.onOutput((d) => (raw += d));
    sb.write('kubectl logs --fol\t');
    expect(raw).toBe('kubectl logs --follow ');
    const sb2 = new Sandbox();
    raw = '';
    sb2.onOutput((d) => (raw += d));
    sb2.write('kubectl get --show-l\t');
    expect(raw).toBe('kubectl get --show-labels ');
  });

  it('formats dates as ctime does', () => {
    expect(ctimeDate(Date.UTC(2026, 10, 27, 9, 0, 0))).toBe('Fri Nov 27 09:00:00 2026');
    expect(ctimeDate(Date.UTC(2026, 11, 1, 9, 5, 7))).toBe('Tue Dec  1 09:05:07 2026');
  });
});
