/** The reader the docs acceptance runner plays: their editor, and which of a page's alternative commands they run. */
import { describe, expect, it } from 'vitest';
import type { CorpusStep } from './corpus.js';
import { edited, onPath } from './runner.js';

describe('acceptance reader', () => {
  it('changes the YAML field the prose names, not an annotation quoting the same value (concepts/workloads/controllers/deployment)', () => {
    const yaml =
      'metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.14.2"}]}}}}\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx:1.14.2\n        name: nginx\n';
    const out = edited(yaml, { from: 'nginx:1.14.2', to: 'nginx:1.16.1' });
    expect(out).toContain('      - image: nginx:1.16.1\n');
    expect(out).toContain('"image":"nginx:1.14.2"');
    expect(edited(yaml, { from: 'nginx:1.99', to: 'nginx:1.16.1' })).toBeUndefined();
    expect(edited(yaml, undefined)).toBeUndefined();
  });

  it('runs one command of a group of alternatives: the first, or the one being scored', () => {
    const step = (command: string, alternative?: boolean): CorpusStep => ({ command, line: 1, ...(alternative ? { alternative } : {}) });
    const steps = [step('a'), step('b1'), step('b2', true), step('b3', true), step('c')];
    expect([...onPath(steps)].map((s) => s.command)).toEqual(['a', 'b1', 'c']);
    expect([...onPath(steps, steps[3])].map((s) => s.command)).toEqual(['a', 'b3', 'c']);
  });
});
