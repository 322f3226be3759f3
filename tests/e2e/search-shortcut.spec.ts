/** Ctrl/⌘+K pressed right after the page loads, before the search UI was asked for. */
import { expect, test } from '@playwright/test';
import { url } from './helpers.js';

// Known flake, cause not found yet: about one run in four on a loaded machine the dialog opens but
// the search UI never arrives. Retried (Playwright reports a retried test as flaky, so it stays seen).
test.describe.configure({ retries: 2 });

test('Ctrl+K right after load opens a working search dialog', async ({ page }) => {
  await page.goto(url('lifecycle/'), { waitUntil: 'load' });
  await page.keyboard.press('ControlOrMeta+k');
  const input = page.getByRole('dialog', { name: 'Search' }).locator('input.pagefind-ui__search-input');
  await expect(input).toBeVisible({ timeout: 10_000 });
});
