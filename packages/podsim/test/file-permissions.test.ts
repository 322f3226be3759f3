/**
 * POSIX permission bits for a container's non-root processes (runAsUser). Expected texts come from the
 * real tools run as an unprivileged user: GNU coreutils 9 and bash 5.2 (Debian), and busybox's applets
 * (touch: `bb_simple_perror_msg(name)`; mkdir: "can't create directory '%s'"; ls: "can't open '%s'";
 * ash: "can't create %s", status 1 as redirectsafe returns; rm: "can't remove '%s'"); strerror texts are glibc's/musl's.
 */
import { describe, expect, it } from 'vitest';
import { apply, bootCluster, exec, getPod, waitFor } from './support/harness.js';
import type { Cluster } from '../src/cluster/cluster.js';

function runPod(c: Cluster, manifest: string, name: string): void {
  apply(c, manifest);
  const statuses = () => getPod(c, name)?.status?.containerStatuses ?? [];
  expect(waitFor(c, () => statuses().length > 0 && statuses().every((s) => s.ready), 120_000)).toBe(true);
}

const single = (name: string, image: string, user: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  ${user}
  containers:
  - name: c
    image: ${image}
    command: ["sleep", "1h"]
`;

const sh = (c: Cluster, pod: string, script: string, container?: string, shell = 'sh') => exec(c, pod, [shell, '-c', script], container);

describe('file permissions of a non-root container process', () => {
  it('busybox as uid 1000: root-owned /, /etc and /root refuse it with busybox texts', () => {
    const c = bootCluster();
    runPod(c, single('bb', 'busybox:1.36', 'securityContext: { runAsUser: 1000 }'), 'bb');
    const r = (script: string) => sh(c, 'bb', script);
    expect(r('touch /etc/x')).toMatchObject({ exitCode: 1, stderr: 'touch: /etc/x: Permission denied\n' });
    expect(r('echo hi > /x')).toMatchObject({ exitCode: 1, stderr: "sh: can't create /x: Permission denied\n" });
    expect(r('mkdir /root/y')).toMatchObject({ exitCode: 1, stderr: "mkdir: can't create directory '/root/y': Permission denied\n" });
    expect(r('ls /root')).toMatchObject({ exitCode: 1, stderr: "ls: can't open '/root': Permission denied\n" });
    expect(r('cd /root').stderr).toBe("sh: cd: can't cd to /root: Permission denied\n");
    expect(r('rm /etc/passwd')).toMatchObject({ exitCode: 1, stderr: "rm: can't remove '/etc/passwd': Permission denied\n" });
    expect(r('cat /etc/passwd').stdout).toMatch(/^root:x:0:0:/);
    expect(r('echo hi > /tmp/mine && ls -l /tmp/mine').stdout).toMatch(/^-rw-r--r-- +1 1000 +root +3 .* \/tmp\/mine$/m);
    expect(r('[ -w /etc ] || echo ro; [ -w /tmp ] && echo rw').stdout).toBe('ro\nrw\n');
  });

  it('debian as uid 1000: GNU coreutils and bash texts', () => {
    const c = bootCluster();
    runPod(c, single('deb', 'debian:bookworm', 'securityContext: { runAsUser: 1000 }'), 'deb');
    const r = (script: string) => sh(c, 'deb', script, undefined, 'bash');
    expect(r('touch /etc/x')).toMatchObject({ exitCode: 1, stderr: "touch: cannot touch '/etc/x': Permission denied\n" });
    expect(r('echo hi > /x')).toMatchObject({ exitCode: 1, stderr: 'bash: /x: Permission denied\n' });
    expect(r('mkdir /root/y')).toMatchObject({ exitCode: 1, stderr: "mkdir: cannot create directory '/root/y': Permission denied\n" });
    expect(r('ls /root')).toMatchObject({ exitCode: 2, stderr: "ls: cannot open directory '/root': Permission denied\n" });
    expect(r('cd /root').stderr).toBe('bash: cd: /root: Permission denied\n');
    expect(r('chmod 777 /etc').stderr).toBe("chmod: changing permissions of '/etc': Operation not permitted\n");
    expect(r('mv /etc/hostname /tmp/').stderr).toBe("mv: cannot move '/etc/hostname' to '/tmp/hostname': Permission denied\n");
  });

  it('root is not held back', () => {
    const c = bootCluster();
    runPod(c, single('root', 'busybox:1.36', ''), 'root');
    expect(sh(c, 'root', 'touch /etc/x && mkdir /root/y && echo hi > /x && ls /root')).toMatchObject({ exitCode: 0, stdout: 'y\n', stderr: '' });
  });

  const SHARED = `apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  securityContext:
    runAsUser: 1000
    fsGroup: 2000
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: one
    image: busybox:1.36
    command: ["sleep", "1h"]
    volumeMounts: [{ name: data, mountPath: /data }]
  - name: two
    image: busybox:1.36
    command: ["sleep", "1h"]
    securityContext: { runAsUser: 1001 }
    volumeMounts: [{ name: data, mountPath: /data }]
  - name: admin
    image: busybox:1.36
    command: ["sleep", "1h"]
    securityContext: { runAsUser: 0 }
    volumeMounts: [{ name: data, mountPath: /data }]
`;

  it('a shared volume: owner, fsGroup, other bits, the sticky bit, mode 000 and execute permission', () => {
    const c = bootCluster();
    runPod(c, SHARED, 'shared');
    const one = (s: string) => sh(c, 'shared', s, 'one');
    const two = (s: string) => sh(c, 'shared', s, 'two');
    const admin = (s: string) => sh(c, 'shared', s, 'admin');
    expect(one('mkdir /data/group /data/private /data/sticky && chmod 770 /data/group && chmod 700 /data/private && chmod 1777 /data/sticky && touch /data/sticky/mine').exitCode).toBe(0);
    // Both users are in fsGroup 2000 (a supplementary group): the group's bits let the other one in.
    expect(two('touch /data/group/theirs && ls /data/group')).toMatchObject({ exitCode: 0, stdout: 'theirs\n' });
    expect(two('ls /data/private')).toMatchObject({ exitCode: 1, stderr: "ls: can't open '/data/private': Permission denied\n" });
    expect(two('rm /data/sticky/mine').stderr).toBe("rm: can't remove '/data/sticky/mine': Operation not permitted\n");
    expect(two('touch /data/sticky/own && rm /data/sticky/own && ls /data/sticky')).toMatchObject({ exitCode: 0, stdout: 'mine\n' });
    expect(one('echo s > /data/secret && chmod 000 /data/secret && cat /data/secret').stderr).toBe("cat: can't open '/data/secret': Permission denied\n");
    expect(admin('cat /data/secret').stdout).toBe('s\n');
    expect(one('printf "#!/bin/sh\\necho ran\\n" > /data/run.sh && chmod 744 /data/run.sh && /data/run.sh').stdout).toBe('ran\n');
    expect(two('/data/run.sh')).toMatchObject({ exitCode: 126, stderr: 'sh: /data/run.sh: Permission denied\n' });
    // Root may read and write anything, but not execute a file with no execute bit at all.
    expect(admin('chmod 644 /data/run.sh && /data/run.sh')).toMatchObject({ exitCode: 126, stderr: 'sh: /data/run.sh: Permission denied\n' });
  });

  it("the service account token is the pod's user's own when every container runs as that user (FsUserFrom)", () => {
    const c = bootCluster();
    runPod(c, single('tok', 'busybox:1.36', 'securityContext: { runAsUser: 1000 }'), 'tok');
    const token = '/var/run/secrets/kubernetes.io/serviceaccount/..data/token';
    expect(sh(c, 'tok', `ls -l ${token}; head -c 3 ${token}`).stdout).toMatch(/^-rw------- +1 1000 +root .*\neyJ$/);
    runPod(c, single('plain', 'busybox:1.36', ''), 'plain');
    expect(sh(c, 'plain', `ls -l ${token}`).stdout).toMatch(/^-rw-r--r-- +1 root +root /);
  });
});
