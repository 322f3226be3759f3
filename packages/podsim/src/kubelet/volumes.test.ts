import { describe, expect, it } from 'vitest';
import { busybox, testNode } from './testkit.js';

describe('volumes', () => {
  it('an emptyDir is shared by the pod containers (producer/consumer)', () => {
    const n = testNode();
    n.run('shared', {
      volumes: [{ name: 'webcontent', emptyDir: {} }],
      containers: [
        busybox('while true; do echo tick >> /var/log/index.html; sleep 5; done', { name: 'producer', volumeMounts: [{ name: 'webcontent', mountPath: '/var/log' }] }),
        busybox('sleep 3600', { name: 'consumer', volumeMounts: [{ name: 'webcontent', mountPath: '/usr/share/data', readOnly: true }] }),
      ],
    });
    n.advance(12);
    const r = n.exec('shared', 'consumer', ['cat', '/usr/share/data/index.html']);
    expect(r.out).toBe('tick\ntick\ntick\n');
    expect(n.cs('shared', 'consumer')?.volumeMounts).toContainEqual({ name: 'webcontent', mountPath: '/usr/share/data', readOnly: true, recursiveReadOnly: 'Disabled' });
  });

  it('configMap and secret volumes project keys as files through ..data', () => {
    const n = testNode();
    n.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'app.conf': 'mode=fast\n', color: 'blue' } });
    n.api.create('secrets', 'default', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec' }, data: { password: btoa('s3cret') } });
    n.run('files', {
      volumes: [
        { name: 'config', configMap: { name: 'cfg' } },
        { name: 'creds', secret: { secretName: 'sec' } },
      ],
      containers: [busybox('sleep 3600', { volumeMounts: [{ name: 'config', mountPath: '/etc/config' }, { name: 'creds', mountPath: '/etc/creds', readOnly: true }] })],
    });
    n.advance(3);
    expect(n.exec('files', 'box', ['cat', '/etc/config/app.conf']).out).toBe('mode=fast\n');
    expect(n.exec('files', 'box', ['cat', '/etc/config/color']).out).toBe('blue');
    expect(n.exec('files', 'box', ['cat', '/etc/creds/password']).out).toBe('s3cret');
    expect(n.exec('files', 'box', ['ls', '/etc/config']).out).toBe('app.conf\ncolor\n');
    n.api.update('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'app.conf': 'mode=slow\n', color: 'blue' } });
    // The next periodic sync comes 60–90 s after the pod's first (pod_workers.go: wait.Jitter(1m, 0.5)).
    n.advance(30);
    expect(n.exec('files', 'box', ['cat', '/etc/config/app.conf']).out).toBe('mode=fast\n');
    n.advance(60);
    expect(n.exec('files', 'box', ['cat', '/etc/config/app.conf']).out).toBe('mode=slow\n');
  });

  it('a ConfigMap change reaches a running pod at its next periodic sync, 60–90 s after the one before', () => {
    const n = testNode();
    n.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { v: '0' } });
    n.run('files', { volumes: [{ name: 'config', configMap: { name: 'cfg' } }], containers: [busybox('sleep 3600', { volumeMounts: [{ name: 'config', mountPath: '/etc/config' }] })] });
    n.advance(3);
    const seen = (): string => n.exec('files', 'box', ['cat', '/etc/config/v']).out;
    /** Seconds until the volume shows `v`, checked each second. */
    const until = (v: string): number => {
      for (let s = 1; s <= 200; s++) {
        n.advance(1);
        if (seen() === v) return s;
      }
      return Infinity;
    };
    const syncs: number[] = [];
    let t = 3;
    for (let k = 1; k <= 4; k++) {
      n.api.update('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { v: String(k) } });
      t += until(String(k));
      syncs.push(t);
    }
    // Each change is applied at a sync; consecutive syncs (changed right after the one before) are 60–90 s apart.
    expect(syncs[0]).toBeGreaterThanOrEqual(60);
    expect(syncs[0]).toBeLessThanOrEqual(91);
    for (let k = 1; k < syncs.length; k++) {
      expect(syncs[k] - syncs[k - 1]).toBeGreaterThanOrEqual(60);
      expect(syncs[k] - syncs[k - 1]).toBeLessThanOrEqual(91);
    }
    // The jitter differs from sync to sync.
    expect(new Set(syncs.slice(1).map((s, k) => s - syncs[k])).size).toBeGreaterThan(1);
  });

  it('a missing configMap volume keeps the pod ContainerCreating with FailedMount', () => {
    const n = testNode();
    n.run('nomount', { volumes: [{ name: 'config', configMap: { name: 'absent' } }], containers: [busybox('sleep 3600', { volumeMounts: [{ name: 'config', mountPath: '/etc/config' }] })] });
    n.advance(3);
    expect(n.events('nomount')[0]).toBe('Warning FailedMount MountVolume.SetUp failed for volume "config" : configmap "absent" not found');
    expect(n.cs('nomount')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(n.condition('nomount', 'PodReadyToStartContainers')?.status).toBe('False');
  });

  it('the service account token volume has token, ca.crt and namespace', () => {
    const n = testNode();
    n.run('sa', { containers: [busybox('sleep 3600')] });
    n.advance(3);
    expect(n.exec('sa', 'box', ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace']).out).toBe('default');
    expect(n.exec('sa', 'box', ['ls', '/var/run/secrets/kubernetes.io/serviceaccount']).out).toBe('ca.crt\nnamespace\ntoken\n');
    expect(n.exec('sa', 'box', ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/token']).out).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('downward API env and $(VAR) expansion', () => {
    const n = testNode();
    n.run('dw', {
      containers: [
        busybox('sleep 3600', {
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
            { name: 'GREETING', value: 'hello from $(POD_NAME) on $(NODE), $$(KEEP)' },
            { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          ],
          resources: { limits: { memory: '64Mi' } },
        }),
      ],
    });
    n.advance(3);
    const env = n.exec('dw', 'box', ['env']).out;
    expect(env).toContain('POD_NAME=dw\n');
    expect(env).toContain('POD_IP=10.244.1.2\n');
    expect(env).toContain('GREETING=hello from dw on node01, $(KEEP)\n');
    expect(env).toContain('MEM=64\n');
    expect(env).toContain('KUBERNETES_SERVICE_HOST=');
  });
});
