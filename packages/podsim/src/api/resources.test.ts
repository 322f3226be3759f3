import { describe, expect, it } from 'vitest';
import { findResource, findResourceByKind, noKindMatchMessage, RESOURCES } from './resources.js';
import { alreadyExists, conflict, kubectlErrorText, notFound } from './status.js';

describe('resources', () => {
  it('finds resources by plural, singular, short name, Kind and group-qualified forms', () => {
    for (const n of ['pods', 'pod', 'po', 'Pod', 'PODS']) expect(findResource(n)?.resource).toBe('pods');
    for (const n of ['deployments', 'deploy', 'Deployment', 'deployments.apps', 'deployment.apps', 'deployments.v1.apps']) expect(findResource(n)?.resource).toBe('deployments');
    expect(findResource('svc')?.kind).toBe('Service');
    expect(findResource('ns')?.namespaced).toBe(false);
    expect(findResource('no')?.namespaced).toBe(false);
    expect(findResource('ev')?.resource).toBe('events');
    expect(findResource('quota')).toMatchObject({ resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true });
    expect(findResource('limits')).toMatchObject({ resource: 'limitranges', kind: 'LimitRange', namespaced: true });
    expect(findResource('podd')).toBeUndefined();
    expect(findResource('pods.apps')).toBeUndefined();
  });

  it('serves the verbs kubectl api-resources shows', () => {
    expect(findResource('pods')?.verbs).toEqual(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
    expect(findResource('namespaces')?.verbs).toEqual(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']);
    expect(RESOURCES.map((r) => r.resource)).toHaveLength(31);
  });

  it('maps manifests to resources and words the mapping error like kubectl', () => {
    expect(findResourceByKind('apps/v1', 'ReplicaSet')?.resource).toBe('replicasets');
    expect(findResourceByKind('v1', 'Deployment')).toBeUndefined();
    expect(noKindMatchMessage('v1', 'Podd')).toBe('no matches for kind "Podd" in version "v1"');
  });
});

describe('status texts as kubectl prints them', () => {
  it('prefixes server errors with their reason', () => {
    expect(kubectlErrorText(notFound('pods', 'x'))).toBe('Error from server (NotFound): pods "x" not found');
    expect(kubectlErrorText(alreadyExists('deployments', 'web', 'apps'))).toBe('Error from server (AlreadyExists): deployments.apps "web" already exists');
    expect(kubectlErrorText(conflict('pods', 'x'))).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(notFound('deployments', 'web', 'apps').details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
  });
});
