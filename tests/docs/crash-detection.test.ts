/**
 * A crash must fail the docs tests even where a page declares errors: a program that throws inside
 * the simulator, and an exception the sandbox façade catches. The throwing program is added to the
 * reader's machine for this test only (the table is copied when a sandbox is created).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox } from 'podsim';
import { HOST_PROGRAMS, type Program } from 'podsim/testing';
import type { BashBlock } from '../../src/markdown/code-steps.js';
import { crashLines } from './output-errors.js';
import { runBlock } from './run-block.js';

const crashing: Program = function* () {
  throw new Error('index out of range');
};

function sandboxWithCrashingProgram() {
  HOST_PROGRAMS.crashme = crashing;
  try {
    return createSandbox({ seed: 1 });
  } finally {
    delete HOST_PROGRAMS.crashme;
  }
}

const block = (line: string, expectErrors: string[] = []): BashBlock => ({ kind: 'bash', runnable: true, expectErrors, edits: [], lines: [{ kind: 'run', line }] });

describe('a crash fails the docs tests', () => {
  afterEach(() => {
    delete HOST_PROGRAMS.crashme;
    vi.restoreAllMocks();
  });

  it('reports a program that throws on the terminal, with exit status 70', async () => {
    const sandbox = sandboxWithCrashingProgram();
    const result = await sandbox.run('crashme');
    expect(result.exitCode).toBe(70);
    expect(crashLines(result.output)).toEqual(['crashme: internal error: index out of range']);
  });

  it('flags it even when the page declares expected errors', async () => {
    const sandbox = sandboxWithCrashingProgram();
    const problems = await runBlock(sandbox, block('crashme', ['error', 'internal error']));
    expect(problems).toEqual(['crashme\n  → crashme: internal error: index out of range', 'crashme\n  → exit 70: a program crashed']);
  });

  it('shows an exception the sandbox catches on the terminal, where the tests look', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sandbox = createSandbox({ seed: 1 });
    sandbox.onOutput(() => {
      throw new Error('listener failed');
    });
    const problems = await runBlock(sandbox, block('echo hello'));
    expect(problems).toContain('echo hello\n  → podsim: internal error: listener failed');
  });
});
