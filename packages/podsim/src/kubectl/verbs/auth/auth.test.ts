import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

describe('kubectl auth', () => {
  it('whoami names kubeadm\'s admin user and groups, as a table or an object', () => {
    const { host } = hostWithServer();
    expect(host.run(['auth', 'whoami'])).toEqual({ code: 0, stdout: 'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n', stderr: '' });
    expect(host.run(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']).stdout).toBe('kubernetes-admin');
    expect(host.run(['auth', 'whoami', '-o', 'yaml']).stdout).toContain('kind: SelfSubjectReview\n');
  });

  it('can-i answers yes for the admin, with warnings for unknown verbs and types, and its usage error', () => {
    const { host } = hostWithServer();
    expect(host.run(['auth', 'can-i', 'create', 'pods'])).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
    expect(host.run(['auth', 'can-i', 'delete', 'deployments.apps/web', '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.run(['auth', 'can-i', 'fly', 'pods']).stderr).toBe("Warning: verb 'fly' is not a known verb\n\n");
    expect(host.run(['auth', 'can-i', 'get'])).toEqual({ code: 1, stdout: '', stderr: "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n" });
  });
});
