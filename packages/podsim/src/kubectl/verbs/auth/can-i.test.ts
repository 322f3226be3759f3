/**
 * kubectl auth can-i. The --list table's layout and sorting follow kubectl 1.32's TestRunAccessList
 * (pkg/cmd/auth/cani_test.go), whose rules and expected text are carried over below; the admin's own
 * table and the warnings are checked against the real kubectl in the differential suite.
 */
import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';
import { accessList } from './access-list.js';

describe('kubectl auth can-i --list', () => {
  it('lays rules out as kubectl does (upstream TestRunAccessList)', () => {
    const status = {
      resourceRules: [{ verbs: ['get', 'list'], apiGroups: ['*'], resources: ['pod', 'job'], resourceNames: ['test-resource'] }],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/apis/*', '/version'] }],
      incomplete: false,
    };
    expect(accessList(status, false)).toBe(
      'Resources   Non-Resource URLs   Resource Names    Verbs\n' +
        'job.*       []                  [test-resource]   [get list]\n' +
        'pod.*       []                  [test-resource]   [get list]\n' +
        '            [/apis/*]           []                [get]\n' +
        '            [/version]          []                [get]\n',
    );
  });

  it("lists the admin's rules: everything, then what every authenticated user may do", () => {
    const { host } = hostWithServer();
    const r = host.run(['auth', 'can-i', '--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources +Non-Resource URLs +Resource Names +Verbs$/);
    expect(lines[1]).toMatch(/^\*\.\* +\[\] +\[\] +\[\*\]$/);
    expect(lines[2]).toMatch(/^ +\[\*\] +\[\] +\[\*\]$/);
    expect(lines[3]).toMatch(/^selfsubjectreviews\.authentication\.k8s\.io /);
    expect(lines.filter((l) => l.includes('[/healthz]'))).toHaveLength(2);
    // Without the header row the columns are as wide as their widest rule.
    const bare = host.run(['auth', 'can-i', '--list', '--no-headers']).stdout.split('\n');
    expect(bare[0]).toMatch(/^\*\.\* +\[\] +\[\] +\[\*\]$/);
    expect(bare.map((l) => l.split(/ {2,}/).join('|'))).toEqual(lines.slice(1).map((l) => l.split(/ {2,}/).join('|')));
  });

  it('refuses arguments and the flags that do not go with it', () => {
    const { host } = hostWithServer();
    expect(host.run(['auth', 'can-i', '--list', 'pods'])).toEqual({ code: 1, stdout: '', stderr: 'error: list option must be specified with no arguments\n' });
    expect(host.run(['auth', 'can-i', '--list', '-A']).stderr).toBe("error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n");
  });
});

describe('kubectl auth can-i checks', () => {
  it('non-resource URLs, cluster-scoped types and the warnings kubectl prints before answering', () => {
    const { host } = hostWithServer();
    expect(host.run(['auth', 'can-i', 'get', '/logs'])).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
    expect(host.run(['auth', 'can-i', 'fly', '/logs']).stderr).toBe("Warning: verb 'fly' is not a known verb\n\n");
    expect(host.run(['auth', 'can-i', 'get', '/logs', '--subresource=x']).stderr).toBe('error: --subresource can not be used with NonResourceURL\n');
    expect(host.run(['auth', 'can-i', 'get', 'nodes']).stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n\n");
    expect(host.run(['auth', 'can-i', 'get', 'nodes', '-A']).stderr).toBe('');
    expect(host.run(['auth', 'can-i', 'fly', 'foos']).stderr).toBe("Warning: the server doesn't have a resource type 'foos'\n\nWarning: verb 'fly' is not a known verb\n\n");
    expect(host.run(['auth', 'can-i', 'get', 'foos.example.com']).stderr).toBe("Warning: the server doesn't have a resource type 'foos' in group 'example.com'\n\n");
    expect(host.run(['auth', 'can-i', 'impersonate', 'users'])).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
    expect(host.run(['auth', 'can-i', 'get', 'pods', '--no-headers'])).toEqual({ code: 1, stdout: '', stderr: 'error: --no-headers cannot be set without --list specified\n' });
  });
});
