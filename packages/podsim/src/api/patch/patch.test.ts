import { describe, expect, it } from 'vitest';
import { failure, must, newServer } from '../testing.js';
import { strategicMerge } from './strategic.js';
import type { Any } from '../objects.js';

function setup() {
  const env = newServer();
  must(
    env.api.create('pods', 'default', {
      metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } },
      spec: {
        containers: [
          { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
          { name: 'sidecar', image: 'busybox:1.36', command: ['sleep', '3600'] },
        ],
      },
    }),
  );
  return env;
}

describe('strategic merge patch', () => {
  it('merges template containers by name, env by name and leaves the rest', () => {
    const { api } = setup();
    const tmpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }, { name: 'sidecar', image: 'busybox:1.36' }] } };
    must(api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: tmpl } }));
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.28', env: [{ name: 'A', $patch: 'delete' }, { name: 'B', value: '3' }, { name: 'C', value: '4' }] }] } } } };
    const d = must(api.patch('deployments', 'default', 'web', 'strategic', patch)) as Any;
    const [app, sidecar] = d.spec.template.spec.containers;
    expect(app.image).toBe('nginx:1.28');
    expect(app.env).toEqual([{ name: 'B', value: '3' }, { name: 'C', value: '4' }]);
    expect(app.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(sidecar.name).toBe('sidecar');
    expect(d.metadata.generation).toBe(2);
  });

  it('changes pod images and deletes keys with null', () => {
    const { api } = setup();
    const p = must(api.patch('pods', 'default', 'web', 'strategic', { metadata: { labels: { tier: null } }, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } })) as Any;
    expect(p.metadata.labels).toEqual({ app: 'web' });
    expect(p.spec.containers.map((c: Any) => c.image)).toEqual(['nginx:1.28', 'busybox:1.36']);
    expect(p.spec.containers[0].volumeMounts).toHaveLength(1);
  });

  it('replaces lists without a merge key (command, tolerations) and honours $patch: replace', () => {
    const orig = { spec: { tolerations: [{ key: 'a', operator: 'Exists' }], containers: [{ name: 'x', command: ['a', 'b'], ports: [{ containerPort: 1 }] }] } };
    const out = strategicMerge(orig, { spec: { tolerations: [{ key: 'b', operator: 'Exists' }], containers: [{ name: 'x', command: ['c'] }] } }, 'Pod') as Any;
    expect(out.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
    expect(out.spec.containers[0]).toEqual({ name: 'x', command: ['c'], ports: [{ containerPort: 1 }] });
    const replaced = strategicMerge(orig, { spec: { containers: [{ $patch: 'replace' }, { name: 'y', image: 'z' }] } }, 'Pod') as Any;
    expect(replaced.spec.containers).toEqual([{ name: 'y', image: 'z' }]);
    const mapReplace = strategicMerge({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { $patch: 'replace', c: '3' } } }, 'Pod') as Any;
    expect(mapReplace.metadata.labels).toEqual({ c: '3' });
  });

  it('merges ports by containerPort, volumes by name, volumeMounts by mountPath', () => {
    const orig = {
      spec: {
        volumes: [{ name: 'a', emptyDir: {} }],
        containers: [{ name: 'x', ports: [{ containerPort: 80, name: 'http' }], volumeMounts: [{ name: 'a', mountPath: '/a' }] }],
      },
    };
    const out = strategicMerge(
      orig,
      { spec: { volumes: [{ name: 'b', emptyDir: {} }], containers: [{ name: 'x', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }], volumeMounts: [{ mountPath: '/a', readOnly: true }] }] } },
      'Pod',
    ) as Any;
    expect(out.spec.volumes.map((v: Any) => v.name)).toEqual(['a', 'b']);
    expect(out.spec.containers[0].ports).toEqual([{ containerPort: 80, name: 'web' }, { containerPort: 443 }]);
    expect(out.spec.containers[0].volumeMounts).toEqual([{ name: 'a', mountPath: '/a', readOnly: true }]);
  });

  it('handles $setElementOrder, $retainKeys and $deleteFromPrimitiveList', () => {
    const orig = { metadata: { finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'server-only' }] } };
    const out = strategicMerge(
      orig,
      {
        metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] },
        spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'b', image: 'i' }] },
      },
      'Pod',
    ) as Any;
    expect(out.metadata.finalizers).toEqual(['b', 'c']);
    expect(out.spec.containers).toEqual([{ name: 'b', image: 'i' }, { name: 'a' }, { name: 'server-only' }]);
    const d = strategicMerge({ spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'Deployment') as Any;
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('merges status conditions by type through the status subresource', () => {
    const { api } = setup();
    must(api.patch('pods/status', 'default', 'web', 'strategic', { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] } }));
    const p = must(api.patch('pods/status', 'default', 'web', 'strategic', { status: { conditions: [{ type: 'Ready', status: 'True' }] } })) as Any;
    expect(p.status.conditions).toEqual([{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }]);
    expect(p.status.phase).toBe('Pending');
  });

  it('validates the patched object (strict fields, immutability)', () => {
    const { api } = setup();
    expect(failure(api.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'app', imagee: 'x' }] } })).message).toBe(
      'strict decoding error: unknown field "spec.containers[0].imagee"',
    );
    expect(failure(api.patch('pods', 'default', 'web', 'strategic', { spec: { restartPolicy: 'Never' } })).reason).toBe('Invalid');
    expect(failure(api.patch('pods', 'default', 'nope', 'strategic', {})).message).toBe('pods "nope" not found');
  });

  it('returns the same object for an empty patch (no new resourceVersion)', () => {
    const { api } = setup();
    const before = must(api.get('pods', 'default', 'web'));
    expect(must(api.patch('pods', 'default', 'web', 'strategic', {}))).toBe(before);
  });

  it('conflicts when the patch carries a stale resourceVersion', () => {
    const { api } = setup();
    expect(failure(api.patch('pods', 'default', 'web', 'merge', { metadata: { resourceVersion: '1', labels: { x: 'y' } } })).reason).toBe('Conflict');
  });
});

describe('merge and JSON patch', () => {
  it('applies RFC 7386 merge patches (lists replaced)', () => {
    const { api } = setup();
    const p = must(api.patch('pods', 'default', 'web', 'merge', { metadata: { labels: { tier: null, v: '2' } } })) as Any;
    expect(p.metadata.labels).toEqual({ app: 'web', v: '2' });
    const d = failure(api.patch('pods', 'default', 'web', 'merge', { spec: { containers: [{ name: 'app', image: 'x' }] } }));
    expect(d.reason).toBe('Invalid');
  });

  it('applies RFC 6902 operations and reports failures', () => {
    const { api } = setup();
    const p = must(
      api.patch('pods', 'default', 'web', 'json', [
        { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.29' },
        { op: 'add', path: '/metadata/labels/x~1y', value: 'z' },
        { op: 'remove', path: '/metadata/labels/tier' },
        { op: 'test', path: '/metadata/name', value: 'web' },
      ]),
    ) as Any;
    expect(p.spec.containers[0].image).toBe('nginx:1.29');
    expect(p.metadata.labels).toEqual({ app: 'web', 'x/y': 'z' });
    expect(failure(api.patch('pods', 'default', 'web', 'json', [{ op: 'remove', path: '/metadata/nothing/here' }])).message).toBe(
      'remove operation does not apply: doc is missing path: "/metadata/nothing/here": missing value',
    );
    expect(failure(api.patch('pods', 'default', 'web', 'json', [{ op: 'test', path: '/metadata/name', value: 'db' }])).message).toBe('testing value /metadata/name failed: test failed');
    expect(failure(api.patch('pods', 'default', 'web', 'json', { op: 'add' })).reason).toBe('BadRequest');
  });
});

describe('kubectl apply patches', () => {
  it('fixes the probe ports of the course deployment with the patch kubectl apply computes', () => {
    const { api } = newServer();
    const probe = (port: number) => ({ livenessProbe: { tcpSocket: { port }, initialDelaySeconds: 10, periodSeconds: 5 }, readinessProbe: { httpGet: { path: '/', port }, initialDelaySeconds: 10, periodSeconds: 5 } });
    must(
      api.create('deployments', 'default', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'hello-world' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'hello-world' } },
          template: { metadata: { labels: { app: 'hello-world' } }, spec: { containers: [{ name: 'hello-world', image: 'gcr.io/google-samples/hello-app:1.0', ports: [{ containerPort: 8080 }], ...probe(8081) }] } },
        },
      }),
    );
    const patch = {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}\n' } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'hello-world' }], containers: [{ name: 'hello-world', livenessProbe: { tcpSocket: { port: 8080 } }, readinessProbe: { httpGet: { port: 8080 } } }] } } },
    };
    const d = must(api.patch('deployments', 'default', 'hello-world', 'strategic', patch)) as Any;
    const c = d.spec.template.spec.containers[0];
    expect(c.livenessProbe).toEqual({ tcpSocket: { port: 8080 }, initialDelaySeconds: 10, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/', port: 8080, scheme: 'HTTP' });
    expect(d.metadata.generation).toBe(2);
    expect(d.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': '{}\n' });
  });
});
