import { describe, expect, it } from 'vitest';
import { hostWithCluster, hostWithServer, hostWithoutCluster } from '../../testing.js';

describe('kubectl run', () => {
  it('prints the pod of --dry-run=client like kubectl', () => {
    const host = hostWithoutCluster();
    expect(host.run(['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml']).stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    const full = host.run(['run', 'bb', '--image=busybox', '--restart=Never', '--port=80', '--env=A=b', '--labels=x=y,z=w', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '3600']).stdout;
    expect(full).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    x: "y"
    z: w
  name: bb
spec:
  containers:
  - command:
    - sleep
    - "3600"
    env:
    - name: A
      value: b
    image: busybox
    name: bb
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
    expect(host.run(['run', 'bb', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '1']).stdout).toContain('  - args:\n    - sleep\n    - "1"\n');
  });

  it('creates the pod, and words its errors like kubectl', () => {
    const { host, api } = hostWithServer();
    expect(host.run(['run', 'nginx', '--image=nginx'])).toEqual({ code: 0, stdout: 'pod/nginx created\n', stderr: '' });
    const p = api.get('pods', 'default', 'nginx');
    expect(p.ok && p.value.metadata.labels).toEqual({ run: 'nginx' });
    expect(host.run(['run', 'nginx', '--image=nginx']).stderr).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
    expect(host.run(['run', 'x']).stderr).toBe('error: required flag(s) "image" not set\n');
    expect(host.run(['run', 'x', '--image=nginx', '--restart=Sometimes']).stderr).toBe("error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
    expect(host.run(['run', 'x', '--image=nginx', '--rm']).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  });

  it("attaches -i --tty to the image's shell with its own prompt, and --rm deletes the pod after it (radial/busyboxplus)", () => {
    const { host, cluster } = hostWithCluster({});
    const { run, tty, screen } = host.startOnTerminal(['run', 'curl', '--image=radial/busyboxplus:curl', '-i', '--tty', '--rm']);
    cluster.advance(30_000);
    expect(screen()).toContain("If you don't see a command prompt, try pressing enter.\r\n");
    tty.type('\r');
    cluster.advance(500);
    // The prompt of the page's transcript (tutorials/services/connect-applications-service): `[ root@curl-131556218-9fnch:/ ]$ `.
    expect(screen().split('\r\n').pop()).toBe('[ root@curl:/ ]$ ');
    tty.type('exit\r');
    cluster.advance(40_000);
    expect(run.code).toBe(0);
    expect(screen()).toContain('pod "curl" deleted\r\n');
  });
});
