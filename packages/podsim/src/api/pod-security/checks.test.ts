/**
 * The Pod Security checks' reasons and details. Expectations come from k8s.io/pod-security-admission's own tables
 * (release-1.32 `policy/check_*_test.go`: same pods, same expected texts) and the registry's order of checks.
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../objects.js';
import { CHECKS } from './checks.js';
import { evaluatePod, forbiddenDetail, forbiddenReason, policyOf } from './policy.js';

/** The check's newest variant, as a v1.32 policy runs it. */
const run = (id: string, spec: Any, meta: Any = {}) => {
  const check = CHECKS.find((c) => c.id === id)!;
  return check.versions[check.versions.length - 1].check(meta, spec);
};
const withCaps = (name: string, caps: Any) => ({ name, securityContext: { capabilities: caps } });

describe('Pod Security checks (upstream test tables)', () => {
  it('capabilities_restricted: drop ALL missing and capabilities added beyond NET_BIND_SERVICE', () => {
    const spec = { containers: [withCaps('a', { add: ['FOO', 'BAR'] }), withCaps('b', { add: ['BAR', 'BAZ'] }), withCaps('c', { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] })] };
    expect(run('capabilities_restricted', spec)).toEqual({
      reason: 'unrestricted capabilities',
      detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    });
    expect(run('capabilities_restricted', { os: { name: 'windows' }, containers: [{ name: 'a' }] })).toBeUndefined();
  });

  it('hostPorts: the containers that use one and the ports, sorted as strings', () => {
    const ports = (...p: number[]) => p.map((hostPort) => ({ hostPort }));
    expect(run('hostPorts', { containers: [{ name: 'a', ports: ports(0) }, { name: 'b', ports: ports(0, 20) }] })).toEqual({ reason: 'hostPort', detail: 'container "b" uses hostPort 20' });
    expect(run('hostPorts', { containers: [{ name: 'a', ports: ports(0) }, { name: 'b', ports: ports(0, 10, 20) }, { name: 'c', ports: ports(0, 10, 30) }] })).toEqual({
      reason: 'hostPort',
      detail: 'containers "b", "c" use hostPorts 10, 20, 30',
    });
  });

  it('runAsNonRoot: explicit false first, then containers that leave it unset', () => {
    expect(run('runAsNonRoot', { containers: [{ name: 'a' }] })?.detail).toBe('pod or container "a" must set securityContext.runAsNonRoot=true');
    expect(run('runAsNonRoot', { securityContext: { runAsNonRoot: false }, containers: [{ name: 'a' }] })?.detail).toBe('pod must not set securityContext.runAsNonRoot=false');
    const spec = { containers: [{ name: 'a' }, { name: 'b', securityContext: {} }, { name: 'c', securityContext: { runAsNonRoot: false } }, { name: 'd', securityContext: { runAsNonRoot: false } }] };
    expect(run('runAsNonRoot', spec)).toEqual({ reason: 'runAsNonRoot != true', detail: 'containers "c", "d" must not set securityContext.runAsNonRoot=false' });
    expect(run('runAsNonRoot', { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] })).toBeUndefined();
  });

  it('seccompProfile_restricted: a forbidden type, or none on the pod and a container', () => {
    expect(run('seccompProfile_restricted', { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] })?.detail).toBe(
      'pod must not set securityContext.seccompProfile.type to "Unconfined"',
    );
    expect(run('seccompProfile_restricted', { containers: [{ name: 'a' }, { name: 'b' }] })?.detail).toBe(
      'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    );
    expect(run('seccompProfile_restricted', { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'a' }] })).toBeUndefined();
  });

  it('seLinuxOptions: the setters, forbidden types, user and role', () => {
    const opts = (type: string, user?: string, role?: string) => ({ seLinuxOptions: { type, user, role } });
    const spec = {
      securityContext: opts('foo', 'u', 'r'),
      containers: [{ name: 'e', securityContext: opts('bar', 'u', 'r') }, { name: 'f', securityContext: opts('bar') }, { name: 'g', securityContext: opts('bar') }, { name: 'h', securityContext: opts('container_t') }],
    };
    expect(run('seLinuxOptions', spec)).toEqual({ reason: 'seLinuxOptions', detail: 'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set' });
    expect(run('seLinuxOptions', { containers: [{ name: 'a', securityContext: opts('container_engine_t') }] })).toBeUndefined();
  });

  it('restrictedVolumes: volumes of other types than the allowed ones, named by type', () => {
    const spec = { volumes: [{ name: 'ok', emptyDir: {} }, { name: 'b', hostPath: { path: '/a' } }, { name: 'c', nfs: {} }, { name: 'd', image: {} }] };
    expect(run('restrictedVolumes', spec)).toEqual({ reason: 'restricted volume types', detail: 'volumes "b", "c", "d" use restricted volume types "hostPath", "nfs", "unknown"' });
  });
});

describe('a pod evaluated at a level and version', () => {
  const nginx = { containers: [{ name: 'nginx', image: 'nginx' }] };

  it('restricted runs baseline then restricted checks, each in ID order, without the baseline checks it overrides', () => {
    const spec = { hostNetwork: true, volumes: [{ name: 'h', hostPath: { path: '/' } }], containers: [{ name: 'nginx', image: 'nginx', securityContext: { privileged: true } }] };
    const failed = evaluatePod({ level: 'restricted' }, {}, spec);
    expect(forbiddenReason(failed)).toBe('host namespaces, privileged, allowPrivilegeEscalation != false, unrestricted capabilities, restricted volume types, runAsNonRoot != true, seccompProfile');
    expect(forbiddenReason(evaluatePod({ level: 'baseline' }, {}, spec))).toBe('host namespaces, hostPath volumes, privileged');
  });

  it('is the docs example for a plain nginx pod at restricted, and nothing at baseline or privileged', () => {
    expect(forbiddenDetail(evaluatePod({ level: 'restricted', minor: 32 }, {}, nginx))).toBe(
      'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(evaluatePod({ level: 'baseline' }, {}, nginx)).toEqual([]);
    expect(evaluatePod({ level: 'privileged' }, {}, { hostPID: true, ...nginx })).toEqual([]);
  });

  it('applies each check from the version it came in: no capabilities or runAsUser checks in restricted:v1.21', () => {
    const spec = { securityContext: { runAsUser: 0, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', securityContext: { allowPrivilegeEscalation: false } }] };
    expect(forbiddenReason(evaluatePod({ level: 'restricted', minor: 21 }, {}, spec))).toBe('');
    expect(forbiddenReason(evaluatePod({ level: 'restricted', minor: 23 }, {}, spec))).toBe('unrestricted capabilities, runAsUser=0');
  });
});

describe("a namespace's policy labels", () => {
  it('parse as PolicyToEvaluate: warn follows a stricter enforce, bad values are field errors', () => {
    const p = policyOf({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.32' });
    expect(p.policy).toEqual({ enforce: { level: 'restricted', minor: 32 }, audit: { level: 'privileged' }, warn: { level: 'restricted', minor: 32 } });
    const bad = policyOf({ 'pod-security.kubernetes.io/enforce': 'foo', 'pod-security.kubernetes.io/warn-version': '1.30' });
    expect(bad.policy.enforce.level).toBe('restricted');
    expect(bad.errors.map((e) => [e.field, e.value, e.detail])).toEqual([
      ['metadata.labels[pod-security.kubernetes.io/enforce]', 'foo', 'must be one of privileged, baseline, restricted'],
      ['metadata.labels[pod-security.kubernetes.io/warn-version]', '1.30', 'must be "latest" or "v1.x"'],
    ]);
  });
});
