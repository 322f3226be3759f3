import { describe, expect, it } from 'vitest';
import { realKubectl } from '../../real-kubectl.js';
import { hostWithServer, hostWithoutCluster } from '../../testing.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const DRY_RUNS: string[][] = [
  ['create', 'deployment', 'web', '--image=gcr.io/google-samples/hello-app:1.0', '--replicas=3', '--port=8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'web', '--image=a', '--image=b:1', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client'],
  ['create', 'deployment', 'web', '--image=nginx', '-n', 'dev', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml'],
  ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=two', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-literal=p=pw', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}'],
  ['create', 'deployment', 'a', 'b', '--image=x', '--dry-run=client'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=foo'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'wide'],
  ['create', 'configmap', 'c', '--from-literal=a', '--dry-run=client'],
  ['create', 'namespace', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'web', '--dry-run=client'],
];

describe('kubectl create', () => {
  it('creates objects from generators and files', () => {
    const { host, api } = hostWithServer({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n' });
    expect(host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).stdout).toBe('deployment.apps/web created\n');
    const d = api.get('deployments', 'default', 'web');
    expect(d.ok && (d.value.spec as { replicas: number }).replicas).toBe(2);
    expect(host.run(['create', 'namespace', 'dev']).stdout).toBe('namespace/dev created\n');
    expect(host.run(['create', '-f', 'cm.yaml']).stdout).toBe('configmap/cfg created\n');
    expect(host.run(['create', '-f', 'cm.yaml'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\n' });
    expect(host.run(['create', 'deployment', 'web', '--image=nginx'])).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n' });
    expect(host.run(['create', 'deployment', 'x']).stderr).toBe('error: required flag(s) "image" not set\n');
  });

  it('create deployment turns an image name with _ or . into a DNS label with a random suffix (sanitizeAndUniquify)', () => {
    const { host, api } = hostWithServer({});
    expect(host.run(['create', 'deployment', 'hostnames', '--image=registry.k8s.io/serve_hostname']).stdout).toBe('deployment.apps/hostnames created\n');
    const d = api.get('deployments', 'default', 'hostnames');
    const name = d.ok ? (d.value.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers[0].name : '';
    expect(name).toMatch(/^serve-hostname-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const out = host.run(['create', 'deployment', 'v', '--image=example.com/app.v2:1', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}']).stdout;
    expect(out).toMatch(/^app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('prints --dry-run=client objects like kubectl', () => {
    const host = hostWithoutCluster();
    expect(host.run(DRY_RUNS[0]).stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: gcr.io/google-samples/hello-app:1.0
        name: hello-app
        ports:
        - containerPort: 8080
        resources: {}
status: {}
`);
  });
});

describe.skipIf(!withRealKubectl('create --dry-run=client: same output as the real kubectl'))('create --dry-run=client: same output as the real kubectl', () => {
  for (const args of DRY_RUNS) {
    it(args.join(' '), () => {
      const real = realKubectl(args);
      const mine = hostWithoutCluster().run(args);
      expect(mine.stdout).toBe(real.stdout);
      expect(mine.stderr.replace(/^Error: /, 'error: ')).toBe(real.stderr.replace(/^Error: /, 'error: '));
      expect(mine.code).toBe(real.code);
    });
  }
});
