import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

describe('kubectl replace', () => {
  it('replaces what the file names, or deletes and creates it with --force', () => {
    const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';
    const { host, clock } = hostWithServer({ 'pod.yaml': POD, 'cm.yaml': CM, 'cm2.yaml': CM.replace('"1"', '"2"') });
    expect(host.run(['replace', '-f', 'pod.yaml']).stderr).toBe('Error from server (NotFound): error when replacing "pod.yaml": pods "web" not found\n');
    host.run(['create', '-f', 'pod.yaml']);
    host.run(['create', '-f', 'cm.yaml']);
    expect(host.run(['replace', '-f', 'cm2.yaml'])).toEqual({ code: 0, stdout: 'configmap/cfg replaced\n', stderr: '' });
    expect(host.run(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}']).stdout).toBe('2');
    // A pod's spec is fixed: replacing it from its manifest is refused as a real API server refuses it.
    expect(host.run(['replace', '-f', 'pod.yaml']).stderr).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    const uid = host.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.uid}']).stdout;
    clock.advance(1000);
    expect(host.run(['replace', '--force', '-f', 'pod.yaml']).stdout).toBe('pod "web" deleted\npod/web replaced\n');
    expect(host.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.uid}']).stdout).not.toBe(uid);
  });

  it('words its flag errors as replace.go', () => {
    const { host } = hostWithServer({ 'pod.yaml': POD });
    expect(host.run(['replace']).stderr).toBe('error: must specify one of -f and -k\n');
    expect(host.run(['replace', '-f', 'pod.yaml', '--grace-period=1']).stderr).toBe('error: --grace-period must have --force specified\n');
    expect(host.run(['replace', '-f', 'pod.yaml', '--force', '--dry-run=client']).stderr).toBe('error: --dry-run can not be used when --force is set\n');
  });
});
