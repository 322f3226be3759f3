/**
 * What a default 1.32 API server drops from pod specs on write (k8s pkg/api/pod/util.go dropDisabledFields with
 * the gate defaults of pkg/features/kube_features.go at v1.32). The pages' manifests are the docs' examples
 * (pods/image-volumes.yaml, pods/user-namespaces-stateless.yaml, resize and pod-level resources pages).
 */
import { describe, expect, it } from 'vitest';
import { must, newServer } from '../testing.js';
import type { Any } from '../objects.js';

const create = (resource: string, obj: Any): Any => must(newServer(1).api.create(resource, 'default', obj)) as Any;
const pod = (spec: Any): Any => create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

describe('fields of features a default 1.32 cluster has off', () => {
  it('drops an image volume and every mount of it (ImageVolume is alpha), keeping the other volumes', () => {
    const p = pod({
      containers: [{ name: 'shell', image: 'debian', volumeMounts: [{ name: 'volume', mountPath: '/volume' }, { name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'volume', image: { reference: 'quay.io/crio/artifact:v1', pullPolicy: 'IfNotPresent' } }, { name: 'data', emptyDir: {} }],
    });
    expect(p.spec.volumes.map((v: Any) => v.name)).toEqual(['data', expect.stringMatching(/^kube-api-access-/)]);
    expect(p.spec.containers[0].volumeMounts.map((m: Any) => m.mountPath)).toEqual(['/data', '/var/run/secrets/kubernetes.io/serviceaccount']);
  });

  it('drops hostUsers, pod-level resources, resize policies and the supplemental groups policy', () => {
    const p = pod({
      hostUsers: false,
      securityContext: { runAsUser: 1000, supplementalGroupsPolicy: 'Strict' },
      resources: { limits: { cpu: '1', memory: '200Mi' } },
      containers: [{ name: 'c', image: 'nginx', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }], resources: { limits: { cpu: '700m' } } }],
    });
    expect(p.spec.hostUsers).toBeUndefined();
    expect(p.spec.resources).toBeUndefined();
    expect(p.spec.securityContext).toEqual({ runAsUser: 1000 });
    expect(p.spec.containers[0].resizePolicy).toBeUndefined();
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '700m' }, requests: { cpu: '700m' } });
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('drops them from a workload template too (DropDisabledTemplateFields)', () => {
    const d = create('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { hostUsers: false, containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    expect(d.spec.template.spec.hostUsers).toBeUndefined();
  });
});
