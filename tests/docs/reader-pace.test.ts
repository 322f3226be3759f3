/**
 * A reader in virtual time: every run control of every page clicked in order, one click every 3 s
 * at 1× (a step's command may move the clock up to RUN_MAX_VIRTUAL_MS first, as the page's run
 * does), no time controls, and each promise of the page checked right after its step. The browser
 * twin of this test is tests/e2e/reader-pace.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxApi } from 'podsim';
import { RUN_MAX_VIRTUAL_MS, type BashBlock } from '../../src/markdown/code-steps.js';
import { conditionHolds, parseCondition } from '../../src/markdown/wait-condition.js';
import { answerEditor, waitForStep } from './run-block.js';
import { coursePages } from './page-blocks.js';
import { PROMISES, promisesAfter, stepLabel, textSince, type PagePromise } from './promises.js';

const CLICK_EVERY_MS = 3000;

function broken(p: PagePromise, screen: string, sb: SandboxApi): string[] {
  const text = textSince(screen, p.since ?? p.after);
  const out = (p.terminal ?? []).filter((re) => !re.test(text)).map((re) => `terminal lacks ${re}`);
  if (p.cluster && !conditionHolds(sb.snapshot(), parseCondition(p.cluster))) out.push(`cluster is not ${p.cluster}`);
  return out.map((o) => `after "${p.after}" (${p.says}): ${o}`);
}

describe.each(coursePages())('page $slug at reading pace', ({ slug, blocks, files }) => {
  it('shows every promise of its prose', async () => {
    const sb = createSandbox({ files, seed: 1 });
    let screen = '';
    // eslint-disable-next-line no-control-regex -- terminal escape sequences begin with ESC (\x1b)
    sb.onOutput((d) => (screen += d.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')));
    const current: { block?: BashBlock } = {};
    answerEditor(sb, current);
    const seen = new Map<string, number>();
    const problems: string[] = [];
    let checked = 0;
    for (const b of blocks) {
      if (b.kind !== 'bash' || !b.runnable) continue;
      current.block = b;
      for (const line of b.lines) {
        if (line.kind !== 'run' && line.kind !== 'key') continue;
        problems.push(...(await waitForStep(sb, line)));
        if (line.kind === 'run') await sb.run(line.line, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
        else sb.write(line.data);
        sb.advance(CLICK_EVERY_MS);
        const label = stepLabel(line);
        seen.set(label, (seen.get(label) ?? 0) + 1);
        for (const p of promisesAfter(slug, label, seen.get(label)!)) {
          checked++;
          problems.push(...broken(p, screen, sb));
        }
      }
    }
    expect(problems).toEqual([]);
    // Every promise names a step the page has.
    expect(checked).toBe(PROMISES[slug]?.length ?? 0);
  });
});
