/**
 * PodSecurity admission in the API server's write path. The texts are those of k8s.io/pod-security-admission
 * (release-1.32 `admission/admission.go` and its `admission_test.go` namespace-warning cases).
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../objects.js';
import { failure, must, newServer } from '../testing.js';

const ns = (name: string, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const pod = (name: string, spec: Any = { containers: [{ name: 'c', image: 'nginx' }] }) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
const RESTRICTED_C =
  'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const RESTRICTED_OK = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', image: 'nginx', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] };

describe('PodSecurity admission', () => {
  it('refuses a pod that violates the enforce level, and passes one that meets it', () => {
    const { api } = newServer();
    must(api.create('namespaces', undefined, ns('secure', { 'pod-security.kubernetes.io/enforce': 'restricted' })));
    const refused = failure(api.create('pods', 'secure', pod('web')));
    expect(refused.code).toBe(403);
    expect(refused.message).toBe(`pods "web" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_C}`);
    const ok = api.create('pods', 'secure', pod('good', RESTRICTED_OK));
    expect(ok.ok && ok.warnings).toBeFalsy();
  });

  it("warns about a workload's pod template at the warn level, and the controller's pods are refused at enforce", () => {
    const { api } = newServer();
    must(api.create('namespaces', undefined, ns('w', { 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.32' })));
    const template = { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const r = api.create('deployments', 'w', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'd' } }, template } });
    expect(r.ok && r.warnings).toEqual([`would violate PodSecurity "restricted:v1.32": ${RESTRICTED_C}`]);
    // A pod in a namespace that only warns is let in, with the warning.
    const p = api.create('pods', 'w', pod('p'));
    expect(p.ok && p.warnings).toEqual([`would violate PodSecurity "restricted:v1.32": ${RESTRICTED_C}`]);
  });

  it('checks the pods already in a namespace when its enforce level gets stricter, one warning per distinct reason', () => {
    const { api } = newServer();
    must(api.create('namespaces', undefined, ns('test')));
    for (const name of ['pod3', 'pod1', 'pod2']) must(api.create('pods', 'test', pod(name)));
    must(api.create('pods', 'test', pod('hostnet', { hostNetwork: true, containers: [{ name: 'c', image: 'nginx' }] })));
    must(api.create('pods', 'test', pod('fine', RESTRICTED_OK)));
    const label = (labels: Record<string, string>, dryRun = false) => api.patch('namespaces', undefined, 'test', 'merge', { metadata: { labels } }, { dryRun });
    const r = label({ 'pod-security.kubernetes.io/enforce': 'restricted' }, true);
    expect(r.ok && r.warnings).toEqual([
      'existing pods in namespace "test" violate the new PodSecurity enforce level "restricted:latest"',
      'hostnet: host namespaces, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'pod1 (and 2 other pods): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
    // Baseline: only the host network pod; then relaxing or keeping the level checks nothing.
    const baseline = label({ 'pod-security.kubernetes.io/enforce': 'baseline' });
    expect(baseline.ok && baseline.warnings).toEqual(['existing pods in namespace "test" violate the new PodSecurity enforce level "baseline:latest"', 'hostnet: host namespaces']);
    expect(label({ 'pod-security.kubernetes.io/enforce': 'privileged' }).ok).toBe(true);
    const same = label({ 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/audit': 'restricted' });
    expect(same.ok && same.warnings).toBeFalsy();
  });

  it('refuses policy labels that do not parse', () => {
    const { api } = newServer();
    const r = failure(api.create('namespaces', undefined, ns('bad', { 'pod-security.kubernetes.io/enforce': 'strict' })));
    expect(r.message).toBe('Namespace "bad" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted');
  });

});
