import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openSandbox, PAGES, url, watchPage } from './helpers.js';

for (const path of ['', ...PAGES.map((p) => `${p}/`), 'no-such-page/']) {
  test(`page /${path}: loads, no console errors, no foreign requests, no serious a11y violations`, async ({ page }) => {
    const seen = watchPage(page);
    await page.goto(url(path));
    await expect(page.locator('h1').first()).toBeVisible();
    if (PAGES.some((p) => path.startsWith(p))) {
      await openSandbox(page);
      await page.locator('.sbx-tab[data-tab=cluster]').click();
    }
    const results = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').exclude('.monaco-editor').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The 404 page itself arrives with status 404, which Chromium logs as a failed resource.
    expect(seen.errors.filter((e) => !(path.startsWith('no-such') && /status of 404/.test(e)))).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });
}

test('no sandbox code loads on first paint', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.resourceType() === 'worker') scripts.push(r.url());
  });
  await page.goto(url('pods/'));
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /sandbox-app|editor|worker|xterm/.test(s))).toEqual([]);
});

test('course navigation: sidebar, prev/next and progress marks', async ({ page }) => {
  await page.goto(url('pods/'));
  await page.getByRole('link', { name: /Next.*Multi-container pods/s }).click();
  await expect(page).toHaveURL(/multi-container-pods\/$/);
  await expect(page.locator('nav.sidebar a[href$="/pods/"] .podlab-progress')).toHaveCount(1);
});

test('narrow (mobile) viewport: the sandbox opens and tabs switch views', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await page.goto(url('pods/'));
  await openSandbox(page);
  await expect(page.locator('[data-pane=terminal]')).toBeVisible();
  await page.locator('.sbx-tab[data-tab=cluster]').click();
  await expect(page.locator('[data-pane=cluster]')).toBeVisible();
  await expect(page.locator('[data-pane=terminal]')).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.close();
});
