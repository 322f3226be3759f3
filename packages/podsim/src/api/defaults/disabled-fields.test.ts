/**
 * What a default 1.32 API server drops from pod specs on write (k8s pkg/api/pod/util.go dropDisabledFields with
 * the gate defaults of pkg/features/kube_features.go at v1.32). The pages' manifests are the docs' examples
 * (pods/image-volumes.yaml, pods/user-namespaces-stateless.yaml, resize and pod-level resources pages).
 */
import { describe, expect, it } from 'vitest';
import { must, newServer } from '../testing.js';
import type { Any } from '../objects.js';
import { FeatureGates } from '../feature-gates.js';

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

describe('fields of features a cluster was started with on (--feature-gates)', () => {
  const on = (gates: Record<string, boolean>, spec: Any): Any =>
    must(newServer(1, new FeatureGates(gates)).api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec })) as Any;

  it('keeps pod-level resources with PodLevelResources on, resize policies with InPlacePodVerticalScaling on', () => {
    const spec = {
      resources: { limits: { memory: '200Mi' }, requests: { memory: '100Mi' } },
      containers: [{ name: 'c', image: 'nginx', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }],
    };
    const levels = on({ PodLevelResources: true }, structuredClone(spec));
    expect(levels.spec.resources).toEqual({ limits: { memory: '200Mi' }, requests: { memory: '100Mi' } });
    expect(levels.spec.containers[0].resizePolicy).toBeUndefined();
    const resize = on({ InPlacePodVerticalScaling: true }, structuredClone(spec));
    expect(resize.spec.resources).toBeUndefined();
    expect(resize.spec.containers[0].resizePolicy).toEqual([{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]);
  });

  it('keeps an image volume with ImageVolume on, hostUsers with UserNamespacesSupport on', () => {
    const p = on({ ImageVolume: true, UserNamespacesSupport: true }, {
      hostUsers: false,
      containers: [{ name: 'shell', image: 'debian', volumeMounts: [{ name: 'volume', mountPath: '/volume' }] }],
      volumes: [{ name: 'volume', image: { reference: 'quay.io/crio/artifact:v1', pullPolicy: 'IfNotPresent' } }],
    });
    expect(p.spec.hostUsers).toBe(false);
    expect(p.spec.volumes[0]).toEqual({ name: 'volume', image: { reference: 'quay.io/crio/artifact:v1', pullPolicy: 'IfNotPresent' } });
  });

  // ImageVolumeSource.pullPolicy (k8s.io/api core/v1 types.go): "Defaults to Always if :latest tag is specified, or IfNotPresent otherwise."
  it("defaults an image volume's pull policy as a container image's", () => {
    const p = on({ ImageVolume: true }, {
      containers: [{ name: 'shell', image: 'debian' }],
      volumes: [{ name: 'v1', image: { reference: 'quay.io/crio/artifact:v1' } }, { name: 'latest', image: { reference: 'quay.io/crio/artifact:latest' } }],
    });
    expect(p.spec.volumes.slice(0, 2).map((v: Any) => v.image.pullPolicy)).toEqual(['IfNotPresent', 'Always']);
  });

  it('refuses a gate the release does not have, as a component fails to start with it', () => {
    expect(() => new FeatureGates({ NoSuchGate: true }, () => false)).toThrow('unrecognized feature gate: NoSuchGate');
  });
});
