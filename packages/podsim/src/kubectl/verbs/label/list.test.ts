import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('label and annotate --list', () => {
  it('lists one object plainly, several under a heading, with the given changes applied to a copy only', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('a'));
    api.create('pods', 'default', pod('b'));
    expect(host.run(['label', 'pod', 'a', '--list'])).toEqual({ code: 0, stdout: 'app=a\n', stderr: '' });
    expect(host.run(['label', 'pod/a', '--list', 'app-']).stdout).toBe('');
    expect(host.run(['get', 'pod', 'a', '-o', 'jsonpath={.metadata.labels.app}']).stdout).toBe('a');
    expect(host.run(['label', 'pods', '--all', '--list']).stdout).toBe('Listing labels for Pod./a:\n app=a\nListing labels for Pod./b:\n app=b\n');
    expect(host.run(['annotate', 'pod', 'a', '--list']).stdout).toBe('');
    expect(host.run(['label', 'pod', 'a', '--list', '-o', 'name']).stderr).toBe('error: --list and --output may not be specified together\n');
  });
});

describe('wait --for=jsonpath', () => {
  it('accepts bare paths and quoted values, and words empty ones as kubectl', () => {
    const { host, api } = hostWithServer();
    api.create('pods', 'default', pod('a'));
    expect(host.run(['wait', '--for=jsonpath={.metadata.name}=a', 'pod/a']).stdout).toBe('pod/a condition met\n');
    expect(host.run(['wait', '--for=jsonpath=.metadata.name="a"', 'pod/a']).stdout).toBe('pod/a condition met\n');
    expect(host.run(['wait', '--for=jsonpath={.metadata.name}=', 'pod/a']).stderr).toBe("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n");
    expect(host.run(['wait', '--for=jsonpath=', 'pod/a']).stderr).toBe('error: jsonpath expression cannot be empty\n');
  });
});
