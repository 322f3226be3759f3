import { describe, expect, it } from 'vitest';
import { hostWithServer, hostWithoutCluster } from '../../testing.js';

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
});
