/**
 * kubectl run --overrides: expectations are what the real kubectl 1.32 printed for the same commands
 * (/usr/lib/google-cloud-sdk/bin/kubectl.1.32 against `podsim serve`; the fragment handling is kubectl's own).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api/types.js';
import { hostWithServer } from '../../testing.js';

describe('kubectl run --overrides', () => {
  it('merges the fragment into the generated pod (a JSON merge patch by default: lists are replaced)', () => {
    const { host, api } = hostWithServer();
    expect(host.run(['run', 'x', '--image=nginx', '--overrides={"apiVersion":"v1","spec":{"hostNetwork":true}}', '--dry-run=client', '-o', 'yaml']).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: x\n  name: x\nspec:\n  containers:\n  - image: nginx\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  hostNetwork: true\n  restartPolicy: Always\nstatus: {}\n',
    );
    const replaced = ['run', 'z', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"other","image":"busybox"}]}}', '--dry-run=client', '-o', 'jsonpath={.spec.containers[*].name}'];
    expect(host.run(replaced).stdout).toBe('other');
    expect(host.run(['run', 'y', '--image=nginx', '--overrides={"spec":{"hostNetwork":true}}'])).toEqual({ code: 0, stdout: 'pod/y created\n', stderr: '' });
    const y = api.get('pods', 'default', 'y');
    expect(y.ok && (y.value as Pod).spec?.hostNetwork).toBe(true);
  });

  it('takes a strategic merge or a JSON patch with --override-type', () => {
    const { host } = hostWithServer();
    const strategic = host.run(['run', 'x', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"x","stdin":true}]}}', '--override-type=strategic', '--dry-run=client', '-o', 'jsonpath={.spec.containers}']);
    expect(JSON.parse(strategic.stdout)).toEqual([{ name: 'x', image: 'nginx', resources: {}, stdin: true }]);
    expect(host.run(['run', 'x', '--image=nginx', '--overrides=[{"op":"add","path":"/spec/hostPID","value":true}]', '--override-type=json', '-o', 'name', '--dry-run=client']).stdout).toBe('pod/x\n');
  });

  it('ends with kubectl’s errors for a fragment that is not JSON or an unknown type', () => {
    const { host } = hostWithServer();
    expect(host.run(['run', 'x', '--image=nginx', '--overrides={bad', '--dry-run=client', '-o', 'yaml'])).toEqual({ code: 1, stdout: '', stderr: 'error: Invalid JSON Patch\n' });
    expect(host.run(['run', 'x', '--image=nginx', '--override-type=foo', '--overrides={}'])).toEqual({ code: 1, stdout: '', stderr: 'error: invalid override type: foo\n' });
  });
});
