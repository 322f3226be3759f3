/** One bash block of a course page played as a reader would, with the problems the docs tests report. */
import type { EditorRequest, SandboxApi } from 'podsim';
import { RUN_MAX_VIRTUAL_MS, type BashBlock, type BashLine } from '../../src/markdown/code-steps.js';
import { parseCondition, waitFor, waitNote } from '../../src/markdown/wait-condition.js';
import { expectedOutput } from '../expected-output.js';
import { CRASH_EXIT_CODE, unexpectedErrors } from './output-errors.js';

/** Virtual time a reader spends reading between two steps (the page's clock runs meanwhile). */
const READING_PAUSE_MS = 5000;

/** Plays the reader at the editor: applies the current block's declared edits and saves. */
export function answerEditor(sandbox: SandboxApi, current: { block?: BashBlock }): void {
  sandbox.onOpenEditor((req: EditorRequest) => {
    let content = req.content;
    for (const { from, to } of current.block?.edits ?? []) content = content.split(from).join(to);
    sandbox.writeFile(req.path, content);
    sandbox.editorClosed(req.path, true);
  });
}

/** A step's declared wait, as its run control does it: cluster time runs, the terminal gets the note. */
export async function waitForStep(sandbox: SandboxApi, line: BashLine): Promise<string[]> {
  if ((line.kind !== 'run' && line.kind !== 'key') || !line.until) return [];
  const cond = parseCondition(line.until);
  const outcome = await waitFor(sandbox, cond);
  const note = waitNote(cond, outcome);
  if (note) await sandbox.run(note, { maxVirtualMs: 0 });
  return outcome.held ? [] : [`${line.kind === 'run' ? line.line : line.label}\n  → waited in vain: ${note}`];
}

export async function runBlock(sandbox: SandboxApi, block: BashBlock): Promise<string[]> {
  const problems: string[] = [];
  for (const line of block.lines) {
    problems.push(...(await waitForStep(sandbox, line)));
    if (line.kind === 'run') {
      const { output, exitCode } = await sandbox.run(line.line, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
      for (const err of unexpectedErrors(output, block.expectErrors)) problems.push(`${line.line}\n  → ${err}`);
      if (exitCode === CRASH_EXIT_CODE) problems.push(`${line.line}\n  → exit ${exitCode}: a program crashed`);
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

