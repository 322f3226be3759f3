/** kubectl's Tab completion takes its verbs, what their arguments name and the resource types from data. */
import { describe, expect, it } from 'vitest';
import type { Shell } from '../shell/shell.js';
import { completeKubectl } from './complete.js';
import { hostWithServer } from './testing.js';
import { ALL_COMMANDS } from './verbs/index.js';

function shell() {
  const env = hostWithServer();
  env.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
  env.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'websvc' }, spec: { ports: [{ port: 80 }] } });
  const sh = { proc: { ctx: env.host.ctx } } as unknown as Shell;
  return (line: string, word: string) => completeKubectl(sh, line.split(' ').filter(Boolean), word);
}

describe('kubectl completion', () => {
  it('offers the registered verbs, the resource types of the API and the names of objects', () => {
    const tab = shell();
    expect(tab('', 'ge')).toEqual(['get']);
    expect(tab('', 'de')).toEqual(['debug', 'delete', 'describe']);
    expect(tab('get', 'deploy')).toEqual(['deployments']);
    expect(tab('describe', 'pod/')).toEqual(['pod/web']);
    expect(tab('delete svc', 'w')).toEqual(['websvc']);
    expect(tab('logs', '')).toEqual(['web']);
    expect(tab('exec -it', 'w')).toEqual(['web']);
    expect(tab('get pods', '--sh')).toEqual(['--show-kind', '--show-labels']);
  });

  it('the verbs declare what their arguments name: the same verbs as the lists complete.ts kept before', () => {
    const declared = (kind: string) => ALL_COMMANDS.filter((c) => c.completes === kind).map((c) => c.name).sort();
    expect(declared('resources')).toEqual(['annotate', 'autoscale', 'delete', 'describe', 'edit', 'explain', 'expose', 'get', 'label', 'patch', 'rollout', 'scale', 'wait']);
    expect(declared('pods')).toEqual(['attach', 'cp', 'exec', 'logs', 'port-forward']);
  });
});
