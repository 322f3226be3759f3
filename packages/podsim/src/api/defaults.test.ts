import { describe, expect, it } from 'vitest';
import { must, newServer } from './testing.js';
import type { KubeObject } from './types.js';
import type { Any } from './objects.js';

function createPod(spec: Any, seed = 1): Any {
  const { api } = newServer(seed);
  return must(api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', labels: { run: 'nginx' } }, spec })) as Any;
}

describe('pod defaulting and admission', () => {
  it('matches what a real v1.32 server stores for `kubectl run nginx --image=nginx`', () => {
    const p = createPod({ containers: [{ name: 'nginx', image: 'nginx' }] });
    const vol = p.spec.volumes[0].name as string;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec).toEqual({
      volumes: [
        {
          name: vol,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          resources: {},
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true }],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(Object.keys(p.spec.containers[0])).toEqual(['name', 'image', 'resources', 'volumeMounts', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy']);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('defaults imagePullPolicy by tag', () => {
    const policy = (image: string) => createPod({ containers: [{ name: 'c', image }] }).spec.containers[0].imagePullPolicy;
    expect(policy('busybox')).toBe('Always');
    expect(policy('busybox:latest')).toBe('Always');
    expect(policy('gcr.io/google-samples/hello-app:1.0')).toBe('IfNotPresent');
    expect(policy('localhost:5000/app')).toBe('Always');
    expect(policy('nginx@sha256:abc')).toBe('IfNotPresent');
    expect(createPod({ containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Never' }] }).spec.containers[0].imagePullPolicy).toBe('Never');
  });

  it('defaults ports, probes and keeps explicit values', () => {
    const p = createPod({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 5,
      containers: [
        {
          name: 'c',
          image: 'hello-app:1.0',
          ports: [{ containerPort: 8080 }],
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, initialDelaySeconds: 3 },
        },
      ],
    });
    const c = p.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 8080 }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
    expect(p.spec.restartPolicy).toBe('Never');
    expect(p.spec.terminationGracePeriodSeconds).toBe(5);
  });

  it('defaults requests to limits and computes the QoS class', () => {
    const guaranteed = createPod({ containers: [{ name: 'c', image: 'x:1', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] });
    expect(guaranteed.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(guaranteed.status.qosClass).toBe('Guaranteed');
    expect(createPod({ containers: [{ name: 'c', image: 'x:1', resources: { requests: { cpu: '100m' } } }] }).status.qosClass).toBe('Burstable');
  });

  it('skips the token volume when automount is off and refuses unknown service accounts', () => {
    expect(createPod({ automountServiceAccountToken: false, containers: [{ name: 'c', image: 'x:1' }] }).spec.volumes).toBeUndefined();
    const { api } = newServer();
    const r = api.create('pods', 'default', { metadata: { name: 'p' }, spec: { serviceAccountName: 'robot', containers: [{ name: 'c', image: 'x:1' }] } });
    expect(r.ok ? '' : r.status.message).toBe('pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
  });
});

describe('apps defaulting', () => {
  const tmpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'hello-app', image: 'gcr.io/google-samples/hello-app:1.0' }] } };

  it('defaults a Deployment like apps/v1 SetDefaults_Deployment, template without pod-only admission', () => {
    const { api } = newServer();
    const d = must(api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: tmpl } })) as Any;
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'hello-app', image: 'gcr.io/google-samples/hello-app:1.0', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(Object.keys(d.spec)).toEqual(['replicas', 'selector', 'template', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds']);
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
  });

  it('defaults ReplicaSet replicas to 1', () => {
    const { api } = newServer();
    const rs = must(api.create('replicasets', 'default', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' }, spec: { selector: { matchLabels: { app: 'web' } }, template: tmpl } })) as Any;
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });
});

describe('other kinds', () => {
  it('allocates deterministic cluster IPs and defaults Service fields', () => {
    const mk = (seed: number) => {
      const { api } = newServer(seed);
      return must(api.create('services', 'default', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })) as Any;
    };
    const s = mk(7);
    expect(s.spec.clusterIP).toBe(mk(7).spec.clusterIP);
    const [a, b, c, d] = s.spec.clusterIP.split('.').map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    expect(c + d).toBeGreaterThan(0);
    expect(s.spec).toEqual({
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      selector: { app: 'web' },
      clusterIP: s.spec.clusterIP,
      clusterIPs: [s.spec.clusterIP],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('allocates node ports for NodePort services and keeps allocations across updates', () => {
    const { api } = newServer();
    const s = must(api.create('services', 'default', { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] } })) as Any;
    const port = s.spec.ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(s.spec.externalTrafficPolicy).toBe('Cluster');
    const u = must(api.update('services', 'default', { metadata: { name: 'web' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] } })) as Any;
    expect(u.spec.clusterIP).toBe(s.spec.clusterIP);
    expect(u.spec.ports[0].nodePort).toBe(port);
  });

  it('turns Secret stringData into base64 data and defaults the type', () => {
    const { api } = newServer();
    const s = must(api.create('secrets', 'default', { metadata: { name: 's' }, stringData: { password: 'pässword' }, data: { user: 'YWRtaW4=' } })) as Any;
    expect(s.data).toEqual({ user: 'YWRtaW4=', password: 'cMOkc3N3b3Jk' });
    expect(s.type).toBe('Opaque');
    expect(s.stringData).toBeUndefined();
  });

  it('creates claims Pending with the protection finalizer, for the binder to bind', () => {
    const { api } = newServer();
    const c = must(api.create('persistentvolumeclaims', 'default', { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })) as Any;
    expect(c.spec.volumeName).toBeUndefined();
    // kubeadm installs no default StorageClass, so DefaultStorageClass leaves the class unset.
    expect(c.spec.storageClassName).toBeUndefined();
    expect(c.spec.volumeMode).toBe('Filesystem');
    expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(c.status).toEqual({ phase: 'Pending' });
    must(api.create('storageclasses', undefined, { metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path' }));
    const d = must(api.create('persistentvolumeclaims', 'default', { metadata: { name: 'data2' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })) as Any;
    expect(d.spec.storageClassName).toBe('standard');
  });

  it('gives namespaces their name label, finalizer and Active phase', () => {
    const { api } = newServer();
    const ns = must(api.create('namespaces', undefined, { metadata: { name: 'dev' } })) as KubeObject;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.metadata.namespace).toBeUndefined();
  });
});
