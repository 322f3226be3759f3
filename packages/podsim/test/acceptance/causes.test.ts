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

  // tasks/configure-pod-container/configure-pod-initialization: the Pod never ran, `kubectl exec -it init-demo -- /bin/bash`
  // failed, and the reader's next commands (meant for nginx's shell) ran in their own shell.
  it("blames the failure that left no container shell open, not a program the reader's machine lacks", () => {
    const typed = (outsideSession: boolean): StepResult => ({
      step: { command: 'apt-get update', line: 70, inSession: true },
      output: 'bash: apt-get: command not found\n',
      exitCode: 127,
      scored: true,
      match: false,
      missing: [],
      pullFailures: [],
      after: 'kubectl get pod init-demo',
      ...(outsideSession ? { outsideSession } : {}),
    });
    expect(causeOf(typed(true))).toEqual({
      kind: 'follows an earlier failure',
      detail: "after `kubectl get pod init-demo` no container shell was open, so the reader's own shell ran it: bash: apt-get: command not found",
    });
    expect(causeOf(typed(false)).kind).toBe('missing program');
  });
});
