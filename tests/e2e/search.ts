/** Site search through Starlight's dialog and the Pagefind UI, which loads only when the reader reaches for it. */
import { expect, type Page } from '@playwright/test';

/** Opens search with Ctrl+K, types `word`, and follows the first result by keyboard; returns its path. */
export async function searchAndOpen(page: Page, word: string, expectedPath: RegExp): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const input = dialog.locator('input.pagefind-ui__search-input');
  // The Pagefind UI arrives after the shortcut; the search field then takes the focus.
  await expect(input).toBeFocused({ timeout: 10_000 });
  await page.keyboard.type(word);
  const first = dialog.locator('.pagefind-ui__result-link').first();
  await expect(first).toHaveAttribute('href', expectedPath, { timeout: 10_000 });
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(expectedPath);
}
