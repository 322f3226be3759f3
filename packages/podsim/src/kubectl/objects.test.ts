/** What kubectl adds to the API's errors while reading objects (cli-runtime Info.Get and EnhanceListError). */
import { describe, expect, it } from 'vitest';
import { findResource } from '../api/resources.js';
import { badRequest, notFound } from '../api/status.js';
import { enhanceListError } from './objects.js';
import { hostWithServer } from './testing.js';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

describe('selector errors', () => {
  it('wraps the bare API error once, naming the resource and both selectors', () => {
    const { host } = hostWithServer();
    expect(host.run(['get', 'pods', '--field-selector=bogus=1']).stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "bogus=1": field label not supported: bogus\n',
    );
    expect(host.run(['get', 'pods', '-l', 'a in']).stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in", field selector "": unable to parse requirement: found '', expected: '('\n`,
    );
    expect(host.run(['get', 'deployments', '-l', 'a=b', '--field-selector', 'spec.replicas=1']).stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "a=b", field selector "spec.replicas=1": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
  });

  it('says `Unable to list` without selectors and leaves other reasons alone', () => {
    const pods = findResource('pods')!;
    expect(enhanceListError(notFound('pods', 'x'), pods, {}).message).toBe('Unable to list "/v1, Resource=pods": pods "x" not found');
    expect(enhanceListError(badRequest('no'), pods, { fieldSelector: 'a=b' }).message).toBe('Unable to find "/v1, Resource=pods" that match label selector "", field selector "a=b": no');
    const forbidden = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'nope', reason: 'Forbidden', code: 403 };
    expect(enhanceListError(forbidden, pods, { labelSelector: 'a' })).toBe(forbidden);
  });
});

describe('objects named in a namespace', () => {
  it('reports a missing namespace other than default instead of the object', () => {
    const { host, api } = hostWithServer();
    expect(host.run(['get', 'pod', 'web', 'nope', '-n', 'nowhere']).stderr).toBe('Error from server (NotFound): namespaces "nowhere" not found\nError from server (NotFound): namespaces "nowhere" not found\n');
    expect(host.run(['create', '-n', 'nowhere', '-f', '-'], { stdin: JSON.stringify(pod('web')) }).stderr).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "nowhere" not found\n');
    api.create('namespaces', undefined, { metadata: { name: 'dev' } });
    expect(host.run(['get', 'pod', 'web', '-n', 'dev']).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(host.run(['get', 'pod', 'web']).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(host.run(['get', 'pods', '-n', 'nowhere']).stderr).toBe('No resources found in nowhere namespace.\n');
    // Streaming verbs look their pod up the same way.
    expect(host.run(['exec', 'web', '-n', 'nowhere', '--', 'true']).stderr).toBe('Error from server (NotFound): namespaces "nowhere" not found\n');
    expect(host.run(['logs', 'web', '-n', 'nowhere']).stderr).toBe('error: error from server (NotFound): namespaces "nowhere" not found in namespace "nowhere"\n');
    expect(host.run(['port-forward', 'web', '-n', 'nowhere', '8080:80']).stderr).toBe('Error from server (NotFound): namespaces "nowhere" not found\n');
  });
});
