import { describe, expect, it } from 'vitest';
import { causeOf } from './causes.js';
import type { StepResult } from './runner.js';

const result = (expected: string, pullFailures: string[]): StepResult => ({
  step: { command: 'kubectl get pods -o yaml', line: 1, expected },
  output: 'reason: ErrImagePull',
  exitCode: 0,
  scored: true,
  match: false,
  missing: ['reason: ImagePullBackOff'],
  pullFailures,
});

describe('failure causes', () => {
  it('blames an image that does not pull, unless the page shows that image failing (tasks/job/pod-failure-policy)', () => {
    const page = 'message: Back-off pulling image "non-existing-repo/non-existing-image:example"\nreason: ImagePullBackOff';
    expect(causeOf(result(page, ['non-existing-repo/non-existing-image:example'])).kind).toBe('output format diff');
    expect(causeOf(result(page, ['nginx:1.99', 'non-existing-repo/non-existing-image:example']))).toEqual({ kind: 'missing image/tag', detail: 'cannot pull nginx:1.99' });
  });
});
