import { describe, expect, it } from 'vitest';
import { helloDeployment } from '../../../../test/support/manifests.js';
import { hostWithServer } from '../../testing.js';

const envOf = (host: ReturnType<typeof hostWithServer>['host']) => host.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].env}']).stdout;

describe('kubectl set env and set resources', () => {
  it('sets, replaces in place, removes, lists and imports variables', () => {
    const { host, api } = hostWithServer({ 'deploy.yaml': helloDeployment('web', 1) });
    host.run(['apply', '-f', 'deploy.yaml']);
    api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { 'log.level': 'debug' } });
    expect(host.run(['set', 'env', 'deployment/web', 'A=1', 'B=2']).stdout).toBe('deployment.apps/web env updated\n');
    expect(host.run(['set', 'env', 'deployment/web', 'A=1'])).toEqual({ code: 0, stdout: '', stderr: '' });
    host.run(['set', 'env', 'deployment/web', 'A=3', 'B-']);
    expect(envOf(host)).toBe('[{"name":"A","value":"3"}]');
    expect(host.run(['set', 'env', 'deployment/web', '--from=configmap/app', '--prefix=APP_']).stderr).toBe('Warning: key log.level transferred to LOG_LEVEL\n');
    const c = host.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].name}']).stdout;
    expect(host.run(['set', 'env', 'deployment/web', '--list']).stdout).toBe(`# Deployment web, container ${c}\nA=3\n# APP_LOG_LEVEL from configmap app, key log.level\n`);
    expect(host.run(['set', 'env', 'deployment/web', 'A=4', '--overwrite=false']).stderr).toBe("error: deployments/web 'A' already has a value (3), and --overwrite is false\n");
    expect(host.run(['set', 'env', 'A=b']).stderr).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
  });

  it('sets requests and limits of the chosen containers', () => {
    const { host } = hostWithServer({ 'deploy.yaml': helloDeployment('web', 1) });
    host.run(['apply', '-f', 'deploy.yaml']);
    expect(host.run(['set', 'resources', 'deployment', 'web', '--limits=cpu=200m,memory=512Mi', '--requests=cpu=100m']).stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(host.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].resources}']).stdout).toBe('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}');
    expect(host.run(['set', 'resources', 'deployment', 'web']).stderr).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect(host.run(['set', 'resources', 'deployment', 'web', '-c', 'nope', '--limits=cpu=1']).stderr).toBe('error: unable to find container named nope\n');
  });
});
