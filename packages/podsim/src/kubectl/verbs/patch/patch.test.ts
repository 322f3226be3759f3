import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
const image = (api: ReturnType<typeof hostWithServer>['api']) => {
  const r = api.get('pods', 'default', 'web');
  return r.ok ? (r.value.spec as { containers: { image: string }[] }).containers[0].image : undefined;
};

describe('kubectl patch', () => {
  it('sends strategic, merge and JSON patches; an unchanged object is "patched (no change)"', () => {
    const { host, api } = hostWithServer({ 'p.yaml': 'spec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n' });
    api.create('pods', 'default', pod);
    expect(host.run(['patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"tier":"front"}}}'])).toEqual({ code: 0, stdout: 'pod/web patched\n', stderr: '' });
    expect(host.run(['patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"tier":"front"}}}']).stdout).toBe('pod/web patched (no change)\n');
    expect(host.run(['patch', 'pod/web', '--patch-file', 'p.yaml']).stdout).toBe('pod/web patched\n');
    expect(image(api)).toBe('nginx:1.27');
    expect(host.run(['patch', 'pod', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.26"}]']).stdout).toBe('pod/web patched\n');
    expect(image(api)).toBe('nginx:1.26');
    expect(host.run(['patch', 'pod', 'web', '--type', 'merge', '-p', 'metadata: {labels: {tier: null}}', '-o', 'jsonpath={.metadata.labels}']).stdout).toBe('{"app":"web"}');
  });

  it('patches only a copy with --dry-run and --local, saying "patched" all the same (patch.go overwrites the dry-run suffix)', () => {
    const { host, api } = hostWithServer({ 'pod.json': JSON.stringify(pod) });
    api.create('pods', 'default', pod);
    expect(host.run(['patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"x":"1"}}}', '--dry-run=client']).stdout).toBe('pod/web patched\n');
    expect(host.run(['patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"x":"1"}}}', '--dry-run=server']).stdout).toBe('pod/web patched\n');
    expect(host.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels.x}']).stdout).toBe('');
    expect(host.run(['patch', '-f', 'pod.json', '--local', '-p', '{"metadata":{"labels":{"x":"2"}}}', '-o', 'jsonpath={.metadata.labels.x}']).stdout).toBe('2');
    expect(host.run(['patch', '-f', 'pod.json', '--local', '-p', '{}', '-o', 'jsonpath={.metadata.namespace}']).stdout).toBe('');
    expect(host.run(['patch', '-f', 'pod.json', '--local', '--type=json', '-p', '[{"op":"remove","path":"/metadata/nope"}]']).stderr).toBe('error: Object to be patched is missing field (/metadata/nope)\n');
  });

  it('patches a deployment through its scale subresource', () => {
    const { host, api } = hostWithServer();
    api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } });
    api.create('pods', 'default', pod);
    expect(host.run(['patch', 'deployment', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":3}}']).stdout).toBe('scale.autoscaling/web patched\n');
    const d = api.get('deployments', 'default', 'web');
    expect(d.ok && (d.value.spec as { replicas: number }).replicas).toBe(3);
    expect(host.run(['patch', 'pod', 'web', '--subresource=scale', '-p', '{}']).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  });

  it('words malformed patches and bad flags as kubectl 1.32 does, for every --type', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod);
    const err = (...a: string[]) => host.run(['patch', 'pod', 'web', ...a]).stderr;
    expect(err('-p', 'a: b: c')).toBe('error: unable to parse "a: b: c": yaml: mapping values are not allowed in this context\n');
    expect(err('--type=json', '-p', '[{"op": "add"')).toBe('error: unable to parse "[{\\"op\\": \\"add\\"": yaml: line 1: did not find expected \',\' or \'}\'\n');
    expect(err('--type=merge', '-p', '\tx')).toBe('error: unable to parse "\\tx": yaml: found character that cannot start any token\n');
    expect(err('--type=merge', '-p', '[1]')).toBe('Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n');
    expect(err('--type=json', '-p', '[{"op":"bogus","path":"/a"}]')).toMatch(/^Error from server/);
    expect(err()).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(err('-p', 'x', '--patch-file', 'y')).toBe('error: cannot specify --patch and --patch-file together\n');
    expect(err('-p', '{}', '--type=foo')).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(err('--patch-file', '/nonexistent')).toBe('error: unable to read patch file: open /nonexistent: no such file or directory\n');
    expect(err('-p', '{}', '--local')).toBe('error: cannot specify --local and server resources\n');
    expect(host.run(['patch', 'pod', 'nope', '-p', '{}']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(host.run(['patch', '-p', '{}']).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./);
  });
});
