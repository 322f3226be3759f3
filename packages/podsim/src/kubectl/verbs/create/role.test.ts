/**
 * `kubectl create role|clusterrole`. Expected texts: the real kubectl 1.32
 * (/usr/lib/google-cloud-sdk/bin/kubectl.1.32) against `podsim serve` (the rule building, validation and
 * printing are client-side), and the migrate-from-psp page's command.
 */
import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

describe('kubectl create role and clusterrole', () => {
  it('builds one rule per API group, resources mapped to their plural names, subresources and names kept', () => {
    const { host } = hostWithServer();
    const r = host.run(['create', 'role', 'x', '--verb=get', '--resource=rs.apps,po,pods/log,deploy', '--resource-name=a', '--resource-name=b', '-o', 'yaml', '--dry-run=client', '-n', 'default']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  creationTimestamp: null
  name: x
  namespace: default
rules:
- apiGroups:
  - ""
  resourceNames:
  - a
  - b
  resources:
  - pods
  - pods/log
  verbs:
  - get
- apiGroups:
  - apps
  resourceNames:
  - a
  - b
  resources:
  - replicasets
  - deployments
  verbs:
  - get
`,
    });
  });

  it('creates them on the server; `use` on PodSecurityPolicies needs no such resource (migrate-from-psp)', () => {
    const { host, api } = hostWithServer();
    expect(host.run(['create', 'clusterrole', 'privileged-psp', '--verb', 'use', '--resource', 'podsecuritypolicies.policy', '--resource-name', 'privileged'])).toEqual({
      code: 0,
      stdout: 'clusterrole.rbac.authorization.k8s.io/privileged-psp created\n',
      stderr: '',
    });
    const cr = api.get('clusterroles', '', 'privileged-psp');
    expect(cr.ok && (cr.value as unknown as { rules: unknown }).rules).toEqual([{ apiGroups: ['policy'], resourceNames: ['privileged'], resources: ['podsecuritypolicies'], verbs: ['use'] }]);
    expect(host.run(['create', 'role', 'pod-reader', '--verb=get,list', '--resource=pods']).stdout).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
  });

  it('writes non-resource URL rules and aggregation rules of cluster roles', () => {
    const { host } = hostWithServer();
    expect(host.run(['create', 'clusterrole', 'y', '--verb=get', '--resource=pods', '--non-resource-url=/x', '--dry-run=client', '-o', 'yaml']).stdout).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  creationTimestamp: null
  name: "y"
rules:
- apiGroups:
  - ""
  resources:
  - pods
  verbs:
  - get
- nonResourceURLs:
  - /x
  verbs:
  - get
`);
    expect(host.run(['create', 'clusterrole', 'y', '--aggregation-rule=a=b', '--dry-run=client', '-o', 'yaml']).stdout).toBe(`aggregationRule:
  clusterRoleSelectors:
  - matchLabels:
      a: b
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  creationTimestamp: null
  name: "y"
rules: null
`);
  });

  it('refuses what kubectl refuses, with its texts', () => {
    const { host } = hostWithServer();
    const run = (...args: string[]) => {
      const r = host.run(['create', ...args]);
      return [r.code, r.stderr];
    };
    expect(run('role', 'x', '--verb=get', '--resource=foo')).toEqual([1, 'the server doesn\'t have a resource type "foo"\n']);
    expect(run('role', 'x', '--verb=get', '--resource=foo.apps')).toEqual([1, 'the server doesn\'t have a resource type "foo" in group "apps"\n']);
    expect(run('role', 'x', '--verb=use', '--resource=pods')).toEqual([1, "error: can not perform 'use' on 'pods' in group ''\n"]);
    expect(run('role', 'x', '--resource=pods')).toEqual([1, 'error: at least one verb must be specified\n']);
    expect(run('role', 'x', '--verb=get')).toEqual([1, 'error: at least one resource must be specified\n']);
    expect(run('clusterrole', 'y', '--verb=get')).toEqual([1, 'error: one of resource or nonResourceURL must be specified\n']);
    expect(run('clusterrole', 'y', '--verb=get', '--non-resource-url=x')).toEqual([1, 'error: nonResourceURL should start with /\n']);
    expect(run('clusterrole', 'y', '--verb=list', '--non-resource-url=/x')).toEqual([1, "error: invalid verb: 'list' for nonResourceURL\n"]);
    const warned = host.run(['create', 'role', 'x', '--verb=get,frob', '--resource=pods', '--dry-run=client']);
    expect([warned.code, warned.stderr]).toEqual([0, "Warning: 'frob' is not a standard resource verb\n"]);
  });
});
