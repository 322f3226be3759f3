/** Every case of cases/kubectl-1.32.json (the real kubectl's output) against podsim's kubectl on the same files. */
import { describe, expect, it } from 'vitest';
import { hostWithoutCluster } from '../testing.js';
import recorded from './cases/kubectl-1.32.json';

interface Case {
  name: string;
  args: string[];
  files: Record<string, string>;
  stdout: string;
  stderr: string;
  code: number;
}
const golden = recorded as unknown as { cases: Case[] };

describe('kustomize cases recorded from kubectl 1.32', () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const host = hostWithoutCluster(c.files);
    const r = host.run(c.args);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });
});
