/**
 * A reader in Chromium: every run control of a page clicked in order, one click every 3 s of wall
 * time at 1× (the time controls left alone), and each promise of the page's prose
 * (content/docs/*.promises.ts) checked on the terminal and on the cluster the cluster view shows,
 * before the next click. The vi step is answered with the block's declared edits. Its virtual-time
 * twin is tests/docs/reader-pace.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ClusterSnapshot } from 'podsim';
import { conditionHolds, parseCondition } from '../../src/markdown/wait-condition.js';
import type { BashBlock, BashLine } from '../../src/markdown/code-steps.js';
import { coursePages } from '../docs/page-blocks.js';
import { PROMISES, promisesAfter, stepLabel, textSince, type PagePromise } from '../docs/promises.js';
import { openSandbox, terminalText, url, watchPage } from './helpers.js';

const CLICK_EVERY_MS = 3000;

/** The reader at the editor `vi` opened: the block's declared replacements, then :wq. */
async function answerVi(page: Page, block: BashBlock): Promise<void> {
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-tab', 'editor', { timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  for (const { from, to } of block.edits) {
    await page.keyboard.type(`:%s/${from}/${to}/g`);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
}

function snapshot(page: Page): Promise<ClusterSnapshot | undefined> {
  return page.evaluate(() => (document.querySelector('podlab-sandbox') as unknown as { snapshot(): Promise<ClusterSnapshot | undefined> }).snapshot());
}

async function broken(page: Page, p: PagePromise): Promise<string[]> {
  const text = textSince(await terminalText(page), p.since ?? p.after);
  const out = (p.terminal ?? []).filter((re) => !re.test(text)).map((re) => `terminal lacks ${re}`);
  if (p.cluster) {
    const snap = await snapshot(page);
    if (!snap || !conditionHolds(snap, parseCondition(p.cluster))) out.push(`cluster is not ${p.cluster}`);
    // The cluster view draws that snapshot: the pods the promise names are on it.
    const view = (await page.locator('[data-sbx-cluster]').textContent()) ?? '';
    for (const [, name] of p.cluster.matchAll(/pod\/([\w.-]+)(?::[\w.-]+)?(?![\w.:-])(?! gone)/g)) {
      if (!view.includes(name)) out.push(`cluster view lacks ${name}`);
    }
  }
  return out.map((o) => `after "${p.after}" (${p.says}): ${o}`);
}

for (const { slug, blocks } of coursePages()) {
  test(`${slug}: a reader clicking every control at 3 s, 1x, sees every promise`, async ({ page }) => {
    const steps: { line: Extract<BashLine, { kind: 'run' | 'key' }>; block: BashBlock }[] = [];
    for (const b of blocks) if (b.kind === 'bash' && b.runnable) for (const line of b.lines) if (line.kind === 'run' || line.kind === 'key') steps.push({ line, block: b });
    test.setTimeout(60_000 + steps.length * (CLICK_EVERY_MS + 2000));
    const seen = watchPage(page);
    await page.goto(url(`${slug}/`));
    await openSandbox(page);
    const controls = page.locator('.sl-markdown-content [data-rc-action=run], .sl-markdown-content [data-rc-action=key]');
    await expect(controls).toHaveCount(steps.length);
    const count = new Map<string, number>();
    const problems: string[] = [];
    let checked = 0;
    for (const [i, { line, block }] of steps.entries()) {
      const clickedAt = Date.now();
      const control = controls.nth(i);
      await control.click();
      if (line.kind === 'run' && /^vi /.test(line.line)) await answerVi(page, block);
      // A step that waits lets cluster time run first; a reader would wait for it too.
      if (line.until) await expect(control).not.toHaveAttribute('data-busy', 'true', { timeout: 30_000 });
      await page.waitForTimeout(Math.max(0, clickedAt + CLICK_EVERY_MS - Date.now()));
      const label = stepLabel(line);
      count.set(label, (count.get(label) ?? 0) + 1);
      for (const p of promisesAfter(slug, label, count.get(label)!)) {
        checked++;
        problems.push(...(await broken(page, p)));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(PROMISES[slug]?.length ?? 0);
    expect(seen.errors).toEqual([]);
  });
}
