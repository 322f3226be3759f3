/**
 * ResourceQuota validation on create; texts from k8s pkg/apis/core/validation (release-1.32 ValidateResourceQuotaSpec,
 * validateResourceQuotaScopes, ValidateResourceQuantityValue) and helper.IsResourceQuotaScopeValidForResource.
 */
import { describe, expect, it } from 'vitest';
import { failure, must, newServer } from '../testing.js';

const quota = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec });

describe('ResourceQuota validation', () => {
  it('refuses unknown quota resources, negative limits and fractional object counts', () => {
    const { api } = newServer();
    const bad = failure(api.create('resourcequotas', 'default', quota('q', { hard: { foo: '1', 'requests.cpu': '-1', pods: '2', 'count/deployments.apps': '500m' } })));
    expect(bad.code).toBe(422);
    expect(bad.message).toBe(
      'ResourceQuota "q" is invalid: [' +
        'spec.hard[count/deployments.apps]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer, ' +
        'spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota, ' +
        'spec.hard[requests.cpu]: Invalid value: "-1": must be greater than or equal to 0]',
    );
    must(api.create('resourcequotas', 'default', quota('ok', { hard: { 'requests.cpu': '500m', 'count/deployments.apps': '3', 'requests.nvidia.com/gpu': '1' } })));
  });

  it('refuses scopes it does not know, scopes that do not fit a resource, and opposite scopes together', () => {
    const { api } = newServer();
    expect(failure(api.create('resourcequotas', 'default', quota('a', { hard: { pods: '1' }, scopes: ['Foo'] }))).message).toBe(
      'ResourceQuota "a" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Foo"}: unsupported scope',
    );
    expect(failure(api.create('resourcequotas', 'default', quota('b', { hard: { cpu: '1', pods: '2' }, scopes: ['BestEffort', 'NotBestEffort'] }))).message).toBe(
      'ResourceQuota "b" is invalid: [spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: unsupported scope applied to resource, ' +
        'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes]',
    );
    expect(failure(api.create('resourcequotas', 'default', quota('c', { hard: { configmaps: '1' }, scopes: ['Terminating'] }))).message).toContain('unsupported scope applied to resource');
    must(api.create('resourcequotas', 'default', quota('d', { hard: { pods: '10', 'requests.memory': '1Gi' }, scopes: ['NotTerminating'] })));
  });
});
