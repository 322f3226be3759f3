/**
 * Every code block of every course page, run in page order against the simulator through the same
 * SandboxApi calls the page's buttons make (run for a command line, write for a key, writeFile +
 * `kubectl apply -f` for a YAML file). A page fails on `command not found`, an unknown command or
 * flag, any error it does not declare with `expect-error`, a crash (`internal error`, exit 70: never
 * excusable), or output that misses what the line is for (tests/expected-output.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from 'podsim';
import { fragmentMismatches, locateFragment, RUN_MAX_VIRTUAL_MS, type BashBlock } from '../../src/markdown/code-steps.js';
import { coursePages } from './page-blocks.js';
import { CRASH_EXIT_CODE, unexpectedErrors } from './output-errors.js';
import { answerEditor, runBlock } from './run-block.js';
import { expectedOutput, notCheckedReason } from '../expected-output.js';

describe.each(coursePages())('page $slug', ({ blocks, files }) => {
  it('runs every command block in order without unexpected errors', async () => {
    const sandbox = createSandbox({ files, seed: 1 });
    const current: { block?: BashBlock } = {};
    answerEditor(sandbox, current);
    const problems: string[] = [];
    for (const block of blocks) {
      if (block.kind !== 'bash' || !block.runnable) continue;
      current.block = block;
      problems.push(...(await runBlock(sandbox, block)));
    }
    expect(problems).toEqual([]);
  });

  const yamlFiles = blocks.filter((b) => b.kind === 'yaml' && b.file && !b.fragment);
  it.each(yamlFiles.map((b) => (b.kind === 'yaml' ? [b.file!, b.content] : ['', ''])))('applies %s cleanly', async (file, content) => {
    const sandbox = createSandbox({ seed: 1 });
    sandbox.writeFile(file, content);
    const { output, exitCode } = await sandbox.run(`kubectl apply -f ${file}`, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
    expect(unexpectedErrors(output, [])).toEqual([]);
    expect(exitCode).not.toBe(CRASH_EXIT_CODE);
    expect(output).toMatch(/ (created|configured|unchanged)$/m);
  });

  for (const b of blocks) {
    if (b.kind !== 'yaml' || !b.fragment) continue;
    it(`shows a fragment true to ${b.file}`, () => {
      expect(files[b.file!]).toBeDefined();
      expect(locateFragment(files[b.file!], b.content)).toBeDefined();
      expect(fragmentMismatches(files[b.file!], b.content)).toEqual([]);
    });
  }
});

describe('course command lines', () => {
  it('each has an expected output or a stated reason why its own output proves nothing', () => {
    const bare = coursePages().flatMap(({ slug, blocks }) =>
      blocks.flatMap((b) => (b.kind === 'bash' && b.runnable ? b.lines : [])).flatMap((l) => (l.kind === 'run' && !expectedOutput(l.line) && !notCheckedReason(l.line) ? [`${slug}: ${l.line}`] : [])),
    );
    expect(bare).toEqual([]);
  });
});
