import { describe, expect, it } from 'vitest';
import { pullPolicyOf } from './images.js';
import { testNode } from './testkit.js';

describe('image pulls', () => {
  it('defaults the pull policy from the tag', () => {
    expect(pullPolicyOf({ name: 'a', image: 'nginx' })).toBe('Always');
    expect(pullPolicyOf({ name: 'a', image: 'nginx:latest' })).toBe('Always');
    expect(pullPolicyOf({ name: 'a', image: 'nginx:1.27' })).toBe('IfNotPresent');
    expect(pullPolicyOf({ name: 'a', image: 'localhost:5000/app' })).toBe('Always');
    expect(pullPolicyOf({ name: 'a', image: 'nginx', imagePullPolicy: 'Never' })).toBe('Never');
  });

  it('a missing image: ErrImagePull, then ImagePullBackOff with growing back-off', () => {
    const n = testNode();
    n.run('bad', { containers: [{ name: 'web', image: 'nginxx:1.0' }] });
    n.advance(1.5);
    const events = n.events('bad');
    expect(events[0]).toBe('Normal Pulling Pulling image "nginxx:1.0"');
    expect(events[1]).toMatch(/^Warning Failed Failed to pull image "nginxx:1\.0": rpc error: code = Unknown desc = failed to pull and unpack image "docker\.io\/library\/nginxx:1\.0": failed to resolve reference "docker\.io\/library\/nginxx:1\.0": pull access denied/);
    expect(events[2]).toBe('Warning Failed Error: ErrImagePull');
    expect(n.cs('bad')?.state?.waiting?.reason).toBe('ErrImagePull');
    expect(n.events('bad')).toContain('Normal BackOff Back-off pulling image "nginxx:1.0"');
    expect(n.events('bad')).toContain('Warning Failed Error: ImagePullBackOff');
    n.advance(10);
    expect(n.cs('bad')?.state?.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginxx:1.0"' });
    n.advance(120);
    const pulls = n.events('bad').find((e) => e.startsWith('Normal Pulling'));
    const count = Number(/\(x(\d+)\)$/.exec(pulls ?? '')?.[1] ?? 1);
    // Failures at ~0.5 s, then retries after 10, 20, 40 s back-off (rounded up to the 10 s resync): 4-5 pulls, not 13.
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(5);
    expect(n.pod('bad')?.status?.phase).toBe('Pending');
  });

  it('Never with an absent image: ErrImageNeverPull', () => {
    const n = testNode();
    n.run('never', { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Never' }] });
    n.advance(2);
    expect(n.events('never').map((e) => e.replace(/ \(x\d+\)$/, ''))).toEqual(['Warning ErrImageNeverPull Container image "nginx:1.27" is not present with pull policy of Never', 'Warning Failed Error: ErrImageNeverPull']);
    expect(n.cs('never')?.state?.waiting?.reason).toBe('ErrImageNeverPull');
  });

  it('an unparsable reference: InvalidImageName without pulling', () => {
    const n = testNode();
    n.run('inv', { containers: [{ name: 'web', image: 'NGINX' }] });
    n.advance(2);
    expect(n.events('inv')[0]).toMatch(/^Warning InspectFailed Failed to apply default image tag "NGINX": couldn't parse image name "NGINX": invalid reference format/);
    expect(n.cs('inv')?.state?.waiting?.reason).toBe('InvalidImageName');
  });

  it('Always pulls again on every start', () => {
    const n = testNode();
    n.run('always', { containers: [{ name: 'box', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 1'] }] });
    n.advance(8);
    expect(n.events('always').filter((e) => e.startsWith('Normal Pulling'))).toEqual(['Normal Pulling Pulling image "busybox" (x2)']);
  });
});
