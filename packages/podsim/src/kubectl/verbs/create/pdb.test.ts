/**
 * `kubectl create pdb` and `kubectl describe pdb`. Expected texts: the real kubectl 1.32 (create_pdb.go's
 * Validate errors, its -o yaml, and describe.go's describer run against `podsim serve`, 7 Dec 2026).
 */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../../testing.js';

describe('kubectl create poddisruptionbudget', () => {
  it('refuses what Validate refuses, in its order', () => {
    const { host } = hostWithCluster();
    const err = (...args: string[]) => host.run(['create', 'pdb', ...args]).stderr;
    expect(err('z')).toBe('error: a selector must be specified\n');
    expect(err('z', '--selector=a=b')).toBe('error: one of min-available or max-unavailable must be specified\n');
    expect(err('y', '--selector=app=web', '--min-available=1', '--max-unavailable=1')).toBe('error: min-available and max-unavailable cannot be both specified\n');
    expect(err('z', '--selector=a=b', '--min-available=abc')).toBe('error: invalid format specified for min-available\n');
    expect(err('z', '--selector=a=b', '--max-unavailable=10Gb')).toBe('error: invalid format specified for max-unavailable\n');
    expect(err('z', '--selector=app!=nginx,x in (b,a)', '--max-unavailable=2')).toBe('error: "!=" is not a valid label selector operator\n');
  });

  it('sends numbers as integers and percentages as strings, equality selectors as matchLabels', () => {
    const { host } = hostWithCluster();
    expect(host.run(['create', 'poddisruptionbudget', 'my-pdb', '--selector=app=nginx', '--min-available=50%', '-o', 'yaml', '--dry-run=client']).stdout).toBe(
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  creationTimestamp: null\n  name: my-pdb\nspec:\n  minAvailable: 50%\n  selector:\n    matchLabels:\n      app: nginx\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
    );
    expect(host.run(['create', 'pdb', 'w', '--selector=app=web', '--max-unavailable=1']).stdout).toBe('poddisruptionbudget.policy/w created\n');
  });

  it('describes the budget with its status counters', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
    cluster.advance(30_000);
    host.run(['create', 'pdb', 'x', '--selector=app=web', '--min-available=50%']);
    cluster.advance(1000);
    expect(host.run(['describe', 'pdb', 'x']).stdout).toBe(
      'Name:           x\nNamespace:      default\nMin available:  50%\nSelector:       app=web\nStatus:\n    Allowed disruptions:  1\n    Current:              3\n    Desired:              2\n    Total:                3\nEvents:                   <none>\n',
    );
  });
});
