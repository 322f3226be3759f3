/**
 * rollout pause/resume and the paused guards of undo/restart. Expected texts and exit codes are the
 * real kubectl v1.32's, run against `podsim serve` (these messages are client-side in kubectl).
 */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../../testing.js';

const DS = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n';

describe('kubectl rollout pause/resume', () => {
  it('pauses and resumes a deployment; a paused one keeps its template changes unrolled until resumed', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
    cluster.advance(20_000);
    expect(host.run(['rollout', 'pause', 'deployment/web'])).toEqual({ code: 0, stdout: 'deployment.apps/web paused\n', stderr: '' });
    expect(host.run(['rollout', 'pause', 'deployment/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: deployments.apps "web" is already paused\n' });
    host.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.25']);
    cluster.advance(20_000);
    const images = () => host.run(['get', 'pods', '-o', 'jsonpath={.items[*].spec.containers[0].image}']).stdout;
    expect(images()).toBe('nginx nginx');
    expect(host.run(['rollout', 'undo', 'deployment/web']).stderr).toBe("error: no rollout history found for deployment \"web\"\n");
    expect(host.run(['rollout', 'restart', 'deployment/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n' });
    expect(host.run(['rollout', 'resume', 'deploy/web'])).toEqual({ code: 0, stdout: 'deployment.apps/web resumed\n', stderr: '' });
    expect(host.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.paused}']).stdout).toBe('');
    expect(host.run(['rollout', 'resume', 'deploy/web'])).toEqual({ code: 1, stdout: '', stderr: 'error: deployments.apps "web" is not paused\n' });
    cluster.advance(60_000);
    expect(images()).toBe('nginx:1.25 nginx:1.25');
  });

  it('a paused deployment with history refuses undo; undo to the current revision is skipped', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx']);
    cluster.advance(20_000);
    host.run(['set', 'image', 'deployment/web', 'nginx=nginx:1.25']);
    cluster.advance(30_000);
    expect(host.run(['rollout', 'undo', 'deployment/web', '--to-revision=2'])).toEqual({ code: 0, stdout: 'deployment.apps/web skipped rollback (current template already matches revision 2)\n', stderr: '' });
    expect(host.run(['rollout', 'undo', 'deployment/web', '--to-revision=7']).stderr).toBe('error: unable to find specified revision 7 in history\n');
    host.run(['rollout', 'pause', 'deployment/web']);
    expect(host.run(['rollout', 'undo', 'deployment/web'])).toEqual({ code: 1, stdout: '', stderr: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n" });
  });

  it('kinds without spec.paused are errors after the others are done', () => {
    const { host, cluster } = hostWithCluster({ 'ds.yaml': DS });
    host.run(['apply', '-f', 'ds.yaml']);
    host.run(['create', 'deployment', 'web', '--image=nginx']);
    cluster.advance(5_000);
    expect(host.run(['rollout', 'pause', 'ds/d'])).toEqual({ code: 1, stdout: '', stderr: 'error: daemonsets.apps "d" pausing is not supported\n' });
    expect(host.run(['rollout', 'pause', 'deployment/web', 'ds/d'])).toEqual({ code: 1, stdout: 'deployment.apps/web paused\n', stderr: 'error: daemonsets.apps "d" pausing is not supported\n' });
    expect(host.run(['rollout', 'resume', 'deployment/web', 'ds/d'])).toEqual({ code: 1, stdout: 'deployment.apps/web resumed\n', stderr: 'error: daemonsets.apps "d" resuming is not supported\n' });
    expect(host.run(['rollout', 'pause'])).toEqual({ code: 1, stdout: '', stderr: 'error: required resource not specified\n' });
  });
});
