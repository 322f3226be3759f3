import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../kernel/signals.js';
import { hostWithServer } from '../../testing.js';

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });

function setup() {
  const env = hostWithServer();
  env.api.create('pods', 'default', pod('web', { app: 'web' }));
  env.clock.advance(5000);
  env.api.create('pods', 'default', pod('db', { app: 'db', tier: 'back' }));
  env.clock.advance(2000);
  return env;
}

describe('kubectl get', () => {
  it('prints a table and the empty-list message', () => {
    const { host } = hostWithServer();
    expect(host.run(['get', 'pods'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(host.run(['get', 'pods', '-n', 'kube-system']).stderr).toBe('No resources found in kube-system namespace.\n');
    expect(host.run(['get', 'pods', '-A']).stderr).toBe('No resources found\n');
    const env = setup();
    expect(env.host.run(['get', 'pods']).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\ndb     0/1     Pending   0          2s\nweb    0/1     Pending   0          7s\n');
  });

  it('supports names, TYPE/NAME, NotFound after the found rows, --ignore-not-found', () => {
    const { host } = setup();
    expect(host.run(['get', 'pod', 'web', 'nope'])).toEqual({ code: 1, stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          7s\n', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(host.run(['get', 'pod/nope', '--ignore-not-found'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.run(['get', 'pods', 'pod/web']).stderr).toMatch(/^error: there is no need to specify a resource type as a separate argument/);
    expect(host.run(['get', 'foo']).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('filters with -l and --field-selector and decorates with --show-labels, -L, -A, --no-headers', () => {
    const { host } = setup();
    expect(host.run(['get', 'pods', '-l', 'app=db']).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\ndb     0/1     Pending   0          2s\n');
    expect(host.run(['get', 'pods', '--field-selector', 'metadata.name=web', '--no-headers']).stdout).toBe('web   0/1   Pending   0     7s\n');
    expect(host.run(['get', 'pods', '--show-labels']).stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   LABELS\ndb     0/1     Pending   0          2s    app=db,tier=back\nweb    0/1     Pending   0          7s    app=web\n',
    );
    expect(host.run(['get', 'pods', '-L', 'tier']).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE   TIER\ndb     0/1     Pending   0          2s    back\nweb    0/1     Pending   0          7s    \n');
    expect(host.run(['get', 'pods', '-A']).stdout).toBe('NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndefault     db     0/1     Pending   0          2s\ndefault     web    0/1     Pending   0          7s\n');
  });

  it('prints object formats', () => {
    const { host } = setup();
    expect(host.run(['get', 'pods', '-o', 'name']).stdout).toBe('pod/db\npod/web\n');
    expect(host.run(['get', 'pod', 'web', '-o', 'jsonpath={.metadata.name} {.spec.containers[0].image}']).stdout).toBe('web nginx');
    expect(host.run(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app']).stdout).toBe('NAME   APP\ndb     db\nweb    web\n');
    expect(host.run(['get', 'pod', 'web', '-o', 'yaml']).stdout).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(host.run(['get', 'pods', '-o', 'yaml']).stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n/);
    expect(host.run(['get', 'pods', '-o', 'json']).stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"items": \[/);
    expect(host.run(['get', 'pods', '-o', 'foo']).stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });

  it('sorts with --sort-by', () => {
    const { host } = setup();
    expect(host.run(['get', 'pods', '--sort-by=.metadata.creationTimestamp', '-o', 'name']).stdout).toBe('pod/web\npod/db\n');
  });

  it('prints several kinds with kind/ prefixes and blank lines between tables', () => {
    const { host, api } = setup();
    api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
    const r = host.run(['get', 'pods,cm']);
    expect(r.stdout).toContain('NAME      READY   STATUS    RESTARTS   AGE\npod/db    0/1');
    expect(r.stdout).toContain('\n\nNAME                         DATA   AGE\nconfigmap/cfg                1      0s\n');
  });

  it('-w lists, then prints one row per change, until Ctrl+C ends it with status 1', () => {
    const { host, api, clock } = setup();
    const run = host.start(['get', 'pods', '-w']);
    expect(run.out.text).toBe('NAME   READY   STATUS    RESTARTS   AGE\ndb     0/1     Pending   0          2s\nweb    0/1     Pending   0          7s\n');
    api.create('pods', 'default', pod('a-much-longer-pod-name'));
    clock.advance(1000);
    expect(run.out.text.split('\n').slice(3).join('\n')).toBe('a-much-longer-pod-name   0/1     Pending   0          0s\n');
    api.delete('pods', 'default', 'db');
    clock.advance(1000);
    expect(run.out.text.split('\n')[4]).toBe('db                       0/1     Terminating   0          3s');
    expect(run.proc.alive).toBe(true);
    run.proc.kill(SIGNALS.SIGINT);
    expect(run.code).toBe(1);
  });

  it('--watch-only prints changes only, header with the first row', () => {
    const { host, api, clock } = setup();
    const run = host.start(['get', 'pods', '--watch-only']);
    expect(run.out.text).toBe('');
    api.create('pods', 'default', pod('new'));
    clock.advance(10);
    expect(run.out.text).toBe('NAME   READY   STATUS    RESTARTS   AGE\nnew    0/1     Pending   0          0s\n');
    run.proc.kill(SIGNALS.SIGINT);
  });
});
