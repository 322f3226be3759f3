/**
 * Pod-level resources with PodLevelResources on, as the assign-pod-level-resources page's prerequisites ask.
 * Expected values: that page at kubernetes/website e6bd301 (pod-level-memory-request-limit.yaml keeps
 * `resources: {requests: {memory: 100Mi}, limits: {memory: 200Mi}}`), the defaulting rules of KEP-2837 as
 * pkg/apis/core/v1/defaults.go's defaultPodRequests states them (pod-level requests default to the containers'
 * aggregate requests, else to the pod-level limits) and qos.ComputePodQOS (pod-level resources alone decide).
 */
import { describe, expect, it } from 'vitest';
import { FeatureGates } from '../feature-gates.js';
import type { Any } from '../objects.js';
import { must, newServer } from '../testing.js';

const create = (spec: Any, gates = new FeatureGates({ PodLevelResources: true })): Any =>
  must(newServer(1, gates).api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec })) as Any;

describe('pod-level resources (PodLevelResources on)', () => {
  it('keeps the pod-level requests and limits, and they decide the QoS class', () => {
    const p = create({ resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } }, containers: [{ name: 'memory-demo-ctr', image: 'nginx' }] });
    expect(p.spec.resources).toEqual({ requests: { memory: '100Mi' }, limits: { memory: '200Mi' } });
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('defaults pod-level requests to the pod-level limits when no container requests anything', () => {
    const p = create({ resources: { limits: { cpu: '1', memory: '200Mi' } }, containers: [{ name: 'c', image: 'nginx' }] });
    expect(p.spec.resources.requests).toEqual({ cpu: '1', memory: '200Mi' });
    expect(p.status.qosClass).toBe('Guaranteed');
  });

  it("defaults them to the containers' aggregate requests when containers have some", () => {
    const p = create({
      resources: { limits: { cpu: '1', memory: '200Mi' } },
      containers: [
        { name: 'a', image: 'nginx', resources: { requests: { memory: '50Mi' } } },
        { name: 'b', image: 'nginx', resources: { requests: { memory: '30Mi' } } },
      ],
    });
    expect(p.spec.resources.requests).toEqual({ cpu: '1', memory: '80Mi' });
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('without the gate the pod-level resources go and the containers decide (BestEffort here)', () => {
    const p = create({ resources: { limits: { cpu: '1' } }, containers: [{ name: 'c', image: 'nginx' }] }, new FeatureGates());
    expect(p.spec.resources).toBeUndefined();
    expect(p.status.qosClass).toBe('BestEffort');
  });
});
