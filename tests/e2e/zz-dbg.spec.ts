import { test } from '@playwright/test';
import { openSandbox, url } from './helpers.js';
test('dbg', async ({ page }) => {
  test.setTimeout(300_000);
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('worker', (w) => { console.log('WORKER', w.url()); w.on('console', (m) => console.log('WCONSOLE', m.text().slice(0,300))); });
  await page.goto(url('pods/'));
  await openSandbox(page);
  await page.getByRole('button', { name: 'Open in editor' }).first().click();
  await page.waitForFunction(() => document.querySelector('podlab-sandbox')?.getAttribute('data-editor') === 'ready', undefined, { timeout: 120000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('\nbogus: 1\n');
  await page.waitForTimeout(8000);
  for (const w of page.workers()) console.log('W', w.url());
  const hover = await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count();
  console.log('SQUIGGLES', hover);
});
