/**
 * Every code block of every course page, run in page order against the simulator through the same
 * SandboxApi calls the page's buttons make (run for a command line, write for a key, writeFile +
 * `kubectl apply -f` for a YAML file). A page fails on `command not found`, an unknown command or
 * flag, any error it does not declare with `expect-error`, or output that misses what the line is
 * for (tests/expected-output.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type EditorRequest, type SandboxApi } from 'podsim';
import { locateFragment, RUN_MAX_VIRTUAL_MS, type BashBlock, type BashLine } from '../../src/markdown/code-steps.js';
import { parseCondition, waitFor, waitNote } from '../../src/markdown/wait-condition.js';
import { coursePages } from './page-blocks.js';
import { unexpectedErrors } from './output-errors.js';
import { expectedOutput } from '../expected-output.js';

/** Virtual time a reader spends reading between two steps (the page's clock runs meanwhile). */
const READING_PAUSE_MS = 5000;

/** Plays the reader at the editor: applies the block's declared edits and saves. */
function answerEditor(sandbox: SandboxApi, current: { block?: BashBlock }) {
  sandbox.onOpenEditor((req: EditorRequest) => {
    let content = req.content;
    for (const { from, to } of current.block?.edits ?? []) content = content.split(from).join(to);
    sandbox.writeFile(req.path, content);
    sandbox.editorClosed(req.path, true);
  });
}

/** A step's declared wait, as its run control does it: cluster time runs, the terminal gets the note. */
async function waitForStep(sandbox: SandboxApi, line: BashLine): Promise<string[]> {
  if ((line.kind !== 'run' && line.kind !== 'key') || !line.until) return [];
  const cond = parseCondition(line.until);
  const outcome = await waitFor(sandbox, cond);
  const note = waitNote(cond, outcome);
  if (note) await sandbox.run(note, { maxVirtualMs: 0 });
  return outcome.held ? [] : [`${line.kind === 'run' ? line.line : line.label}\n  → waited in vain: ${note}`];
}

async function runBlock(sandbox: SandboxApi, block: BashBlock): Promise<string[]> {
  const problems: string[] = [];
  for (const line of block.lines) {
    problems.push(...(await waitForStep(sandbox, line)));
    if (line.kind === 'run') {
      const { output } = await sandbox.run(line.line, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
      for (const err of unexpectedErrors(output, block.expectErrors)) problems.push(`${line.line}\n  → ${err}`);
      const expected = expectedOutput(line.line);
      if (expected && !expected.test(output)) problems.push(`${line.line}\n  → expected ${expected}, got:\n${output}`);
      sandbox.advance(READING_PAUSE_MS);
    } else if (line.kind === 'key') {
      sandbox.write(line.data);
      sandbox.advance(READING_PAUSE_MS);
    }
  }
  return problems;
}

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
    const { output } = await sandbox.run(`kubectl apply -f ${file}`, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
    expect(unexpectedErrors(output, [])).toEqual([]);
    expect(output).toMatch(/ (created|configured|unchanged)$/m);
  });

  for (const b of blocks) {
    if (b.kind !== 'yaml' || !b.fragment) continue;
    it(`finds its fragment in ${b.file}`, () => {
      expect(files[b.file!]).toBeDefined();
      expect(locateFragment(files[b.file!], b.content)).toBeDefined();
    });
  }
});
