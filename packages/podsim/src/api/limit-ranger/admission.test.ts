/**
 * LimitRanger admission in the API server's create path. Texts are those of k8s plugin/pkg/admission/limitranger
 * admission.go (release-1.32: minConstraint, maxConstraint, limitRequestRatioConstraint, mergeContainerResources),
 * pkg/apis/core/validation ValidateLimitRange, and the manage-resources task pages' printed refusals (which an
 * older release wrote with a final period).
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../objects.js';
import { failure, must, newServer } from '../testing.js';

const limitRange = (name: string, limits: Any[]) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name }, spec: { limits } });
const pod = (name: string, resources?: Any, more: Any = {}): Any => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx', ...(resources ? { resources } : {}) }], ...more } });

function withRanges(...limits: Any[][]) {
  const server = newServer();
  must(server.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lr' } }));
  limits.forEach((l, i) => must(server.api.create('limitranges', 'lr', limitRange(`lr${i}`, l))));
  return server;
}

describe('LimitRanger admission', () => {
  it("fills a container's missing requests and limits from the Container item's defaults and says so", () => {
    const { api } = withRanges([{ type: 'Container', default: { cpu: '1', memory: '512Mi' }, defaultRequest: { cpu: '500m', memory: '256Mi' } }]);
    const p: Any = must(api.create('pods', 'lr', pod('bare')));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '500m', memory: '256Mi' } });
    expect(p.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c');
    expect(p.status.qosClass).toBe('Burstable');
    // A limit alone: the request defaulted from it on decode, so only the other resource is filled.
    const l: Any = must(api.create('pods', 'lr', pod('limit-only', { limits: { cpu: '1' } })));
    expect(l.spec.containers[0].resources).toEqual({ limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '1', memory: '256Mi' } });
    expect(l.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: memory request for container c; memory limit for container c');
    // An init container is named as one.
    const i: Any = must(api.create('pods', 'lr', pod('init', { requests: { cpu: '1', memory: '1' }, limits: { cpu: '1', memory: '1' } }, { initContainers: [{ name: 'setup', image: 'busybox' }] })));
    expect(i.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for init container setup; cpu, memory limit for init container setup');
  });

  it('stores a range with only max defaulted as the API server defaults it, and fills pods from it', () => {
    const { api } = withRanges([{ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' } }]);
    const lr: Any = must(api.get('limitranges', 'lr', 'lr0'));
    expect(lr.spec.limits[0]).toEqual({ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' }, default: { cpu: '800m' }, defaultRequest: { cpu: '800m' } });
    const p: Any = must(api.create('pods', 'lr', pod('p')));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '800m' }, requests: { cpu: '800m' } });
  });

  it("refuses a container outside the Container item's bounds, every reason in one message", () => {
    const { api } = withRanges([{ type: 'Container', max: { cpu: '800m', memory: '1Gi' }, min: { cpu: '200m', memory: '500Mi' } }]);
    const one = failure(api.create('pods', 'lr', pod('big', { limits: { cpu: '1.5' }, requests: { cpu: '500m' } })));
    expect(one.code).toBe(403);
    expect(one.message).toBe('pods "big" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m');
    const small = failure(api.create('pods', 'lr', pod('small', { limits: { memory: '800Mi' }, requests: { memory: '100Mi' } })));
    expect(small.message).toBe('pods "small" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi');
    const both = failure(api.create('pods', 'lr', pod('both', { limits: { cpu: '800m', memory: '1.5Gi' }, requests: { cpu: '100m', memory: '800Mi' } })));
    expect(both.message).toBe('pods "both" is forbidden: [minimum cpu usage per Container is 200m, but request is 100m, maximum memory usage per Container is 1Gi, but limit is 1536Mi]');
    expect(api.get('pods', 'lr', 'both').ok).toBe(false);
  });

  it('checks the limit to request ratio and the Pod item over the sum of the containers', () => {
    const { api } = withRanges([{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }], [{ type: 'Pod', max: { cpu: '1' } }]);
    const ratio = failure(api.create('pods', 'lr', pod('r', { limits: { memory: '1Gi', cpu: '500m' }, requests: { memory: '256Mi', cpu: '500m' } })));
    expect(ratio.message).toBe('pods "r" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000');
    const none = failure(api.create('pods', 'lr', pod('n', { limits: { cpu: '500m' } })));
    expect(none.message).toBe('pods "n" is forbidden: memory max limit to request ratio per Container is 2, but no request is specified or request is 0');
    const two = { containers: ['a', 'b'].map((name) => ({ name, image: 'nginx', resources: { limits: { cpu: '600m', memory: '1Gi' }, requests: { memory: '1Gi' } } })) };
    const sum = failure(api.create('pods', 'lr', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sum' }, spec: two }));
    expect(sum.message).toBe('pods "sum" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m');
  });

  it('checks a claim against the PersistentVolumeClaim item', () => {
    const { api } = withRanges([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } }]);
    const claim = (name: string, storage: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
    expect(failure(api.create('persistentvolumeclaims', 'lr', claim('big', '5Gi'))).message).toBe(
      'persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    );
    must(api.create('persistentvolumeclaims', 'lr', claim('fits', '1Gi')));
  });

  it('leaves pods alone in a namespace without ranges', () => {
    const { api } = withRanges();
    const p: Any = must(api.create('pods', 'lr', pod('p')));
    expect(p.metadata.annotations).toBeUndefined();
    expect(p.spec.containers[0].resources).toEqual({});
  });
});

describe('LimitRange validation', () => {
  it('refuses inconsistent bounds with the field paths and texts of ValidateLimitRange', () => {
    const { api } = withRanges();
    const bad = failure(api.create('limitranges', 'lr', limitRange('bad', [{ type: 'Container', max: { cpu: '100m' }, min: { cpu: '200m' } }, { type: 'Container' }])));
    expect(bad.code).toBe(422);
    expect(bad.message).toBe(
      'LimitRange "bad" is invalid: [' +
        'spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:200, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"200m", Format:"DecimalSI"}: min value 200m is greater than max value 100m, ' +
        'spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:100, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"100m", Format:"DecimalSI"}: min value 200m is greater than default request value 100m, ' +
        'spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:200, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"200m", Format:"DecimalSI"}: min value 200m is greater than default value 100m, ' +
        'spec.limits[1].type: Duplicate value: "Container"]',
    );
    const pod = failure(api.create('limitranges', 'lr', limitRange('pod', [{ type: 'Pod', default: { cpu: '1' } }, { type: 'PersistentVolumeClaim' }])));
    expect(pod.message).toBe("LimitRange \"pod\" is invalid: [spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod', spec.limits[1].limits: Required value: either minimum or maximum storage value is required, but neither was provided]");
    const ratio = failure(api.create('limitranges', 'lr', limitRange('ratio', [{ type: 'Container', maxLimitRequestRatio: { cpu: '500m' } }])));
    expect(ratio.message).toContain('ratio 500m is less than 1');
  });
});
