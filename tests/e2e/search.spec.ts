import { expect, test } from '@playwright/test';
import { url } from './helpers.js';
import { searchAndOpen } from './search.js';

test('search: nothing of Pagefind loads before the reader asks; Ctrl+K, a word, a result, its page', async ({ page }) => {
  const pagefind: string[] = [];
  page.on('request', (r) => {
    if (/\/pagefind\/|ui-core/.test(r.url())) pagefind.push(r.url());
  });
  await page.goto(url('pods/'));
  // networkidle: no request for 500 ms, so a Pagefind load the page started on its own would have shown.
  await page.waitForLoadState('networkidle');
  expect(pagefind).toEqual([]);
  await searchAndOpen(page, 'liveness', /\/probes\/(#.*)?$/);
  expect(pagefind.length).toBeGreaterThan(0);
});

test('search: the button opens the dialog with the search field focused (pointer)', async ({ page }) => {
  await page.goto(url('lifecycle/'));
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.getByRole('dialog', { name: 'Search' }).locator('input.pagefind-ui__search-input');
  await expect(input).toBeFocused({ timeout: 10_000 });
  await input.fill('CrashLoopBackOff');
  await expect(page.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/lifecycle\//, { timeout: 10_000 });
});
