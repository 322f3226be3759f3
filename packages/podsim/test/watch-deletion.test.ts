/**
 * What `kubectl get pods -w` shows while pods are deleted, through the reader's terminal: the registry's
 * two-phase delete (mark, then remove) gives the classic repeated `Terminating` rows, and a force-deleted
 * pod still gets the kubelet's `Killing` event.
 */
import { describe, expect, it } from 'vitest';
import { runScript } from '../src/cli/run-script.js';

const rowsOf = (transcript: string, name: string) =>
  transcript
    .split('\n')
    .map((l) => l.replace(/^learner@podlab:~\$ /, ''))
    .filter((l) => l.startsWith(`${name} `));

describe('kubectl get pods -w during deletion', () => {
  it('a force-deleted running pod prints Terminating twice (MODIFIED mark, then DELETED)', () => {
    const script = ['kubectl run s4 --image=busybox -- sleep 3600', 'sleep 5', 'kubectl get pods -w &', 'kubectl delete pod s4 --grace-period=0 --force', 'sleep 2', 'kubectl get events --field-selector reason=Killing', 'fg', '^C'].join('\n');
    const out = runScript(script, { files: {}, seed: 1, thinkMs: 1000 });
    expect(rowsOf(out, 's4')).toEqual([
      's4     1/1     Running   0          7s',
      's4     1/1     Terminating   0          8s',
      's4     1/1     Terminating   0          8s',
    ]);
    expect(out).toContain('Normal   Killing   pod/s4   Stopping container s4\n');
  });

  it('a graceful delete ends with the kubelet final status, its grace-0 mark and the DELETED row', () => {
    const script = ['kubectl run sl --image=busybox -- sleep 3600', 'sleep 5', 'kubectl get pods -w &', 'kubectl delete pod sl --grace-period=5', 'sleep 1', 'fg', '^C'].join('\n');
    const out = runScript(script, { files: {}, seed: 1, thinkMs: 1000 });
    expect(rowsOf(out, 'sl')).toEqual([
      'sl     1/1     Running   0          7s',
      'sl     1/1     Terminating   0          8s',
      'sl     0/1     Error         0          13s',
      'sl     0/1     Error         0          13s',
      'sl     0/1     Error         0          13s',
    ]);
  });
});
