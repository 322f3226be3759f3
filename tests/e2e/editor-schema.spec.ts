import { expect, test, type Page } from '@playwright/test';
import { openEditorWith } from './helpers.js';

// The editor's Kubernetes schema (generated from the API docs) in the built site: hover text,
// completion of field names and enum values, and a marker per document of a multi-document file.

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: typed-pod
spec:
  containers:
  - name: web
    image: nginx
    imagePullPolicy: IfNotPresent
`;

/** Puts the cursor on the first occurrence of `word` (Ctrl+F finds it, Escape leaves the selection). */
async function goTo(page: Page, word: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText(word);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
}

test('hover shows the API description of a field', async ({ page }) => {
  await openEditorWith(page, POD);
  await goTo(page, 'imagePullPolicy');
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  const hover = page.locator('.monaco-hover:visible');
  await expect(hover).toContainText('Image pull policy. One of Always, Never, IfNotPresent.', { timeout: 20_000 });
});

test('completion offers field names with their descriptions, and enum values', async ({ page }) => {
  await openEditorWith(page, POD);
  await page.keyboard.insertText('    readin');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest.locator('.monaco-list-row', { hasText: 'readinessProbe' })).toBeVisible({ timeout: 20_000 });
  // The details pane (Ctrl+Space again) shows the field's description.
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-details')).toContainText('Periodic probe of container service readiness.');
  await page.keyboard.press('Escape');
  // Shift+Home selects to the indentation, again to the start of the line.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText('  restartPolicy: ');
  await page.keyboard.press('Control+Space');
  await expect(suggest.locator('.monaco-list-row', { hasText: 'Always' })).toBeVisible({ timeout: 20_000 });
  await expect(suggest.locator('.monaco-list-row', { hasText: 'OnFailure' })).toBeVisible();
});

test('each document of a multi-document file is checked against its kind', async ({ page }) => {
  await openEditorWith(page, `${POD}---\napiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n`);
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('ControlOrMeta+Home');
  // F8 goes to the first marker and shows its message: the Pod above is valid, the Deployment's apiVersion is not.
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toContainText('Value is not accepted. Valid values: "apps/v1".');
});
