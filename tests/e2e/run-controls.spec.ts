import { expect, test, type Page } from '@playwright/test';
import { expectedOutput, notCheckedReason } from '../expected-output.js';
import { expectNoCrash, openSandbox, PAGES, terminalText, url, watchPage } from './helpers.js';

/** vi in the probes demo: the reader fixes the ports and leaves with :wq. */
async function editInVi(page: Page): Promise<void> {
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-tab', 'editor', { timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.type(':%s/8081/8080/g');
  await page.keyboard.press('Enter');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
}

/** What the terminal shows after the last prompt at which `command` was typed. */
async function textAfter(page: Page, command: string): Promise<string> {
  const text = await terminalText(page);
  const typed = command.trim();
  // A background watch may print between the prompt and the echo, leaving the echo at a line start.
  const ends = [`$ ${typed}`, `# ${typed}`, `\n${typed}`].map((p) => (text.lastIndexOf(p) < 0 ? -1 : text.lastIndexOf(p) + p.length));
  const end = Math.max(...ends);
  return end < 0 ? '' : text.slice(end);
}

for (const slug of PAGES) {
  test(`${slug}: every run control runs its line with the expected output`, async ({ page }) => {
    test.setTimeout(240_000);
    const seen = watchPage(page);
    await page.goto(url(`${slug}/`));
    await openSandbox(page);
    // A reader spends a few seconds on each step: at 10× the half-second pause below is five
    // virtual seconds, the pace the docs tests replay at (images pulled, containers started).
    await page.getByRole('button', { name: 'Ten times faster' }).click();
    const controls = page.locator('.sl-markdown-content [data-rc-action=run], .sl-markdown-content [data-rc-action=key]');
    const count = await controls.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      const line = (await control.getAttribute('data-rc-line')) ?? '';
      await control.click();
      if (/^vi /.test(line)) await editInVi(page);
      if (line.trim() !== 'fg') await expect(control).not.toHaveAttribute('data-busy', 'true', { timeout: 30_000 });
      await page.waitForTimeout(500);
      if (!line) continue;
      const expected = expectedOutput(line);
      expect(expected ?? notCheckedReason(line), `${line}: no expected output and no stated reason in tests/expected-output.ts`).toBeDefined();
      if (expected) await expect.poll(() => textAfter(page, line), { timeout: 15_000, message: line }).toMatch(expected);
      expect(await textAfter(page, line), line).not.toMatch(/command not found|unknown command|unknown flag/);
      await expectNoCrash(page);
    }
    expect(seen.errors).toEqual([]);
  });
}
