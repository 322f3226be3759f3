import { expect, test } from '@playwright/test';
import { clock, expectTerminal, openEditorWith, openSandbox, savedStates, typeInMonaco, url } from './helpers.js';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: typed-pod
spec:
  containers:
  - name: web
    image: busybox
    command: ["sleep", "3600"]
`;

test('type a manifest in Monaco, see schema markers, and apply it', async ({ page }) => {
  await openEditorWith(page, MANIFEST.replace('kind: Pod', 'kind: Pod\nbogusField: 1'));
  // monaco-yaml validates against the Kubernetes schema: the unknown field gets a marker (F8 shows its message).
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toContainText('Property bogusField is not allowed.');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await typeInMonaco(page, MANIFEST);
  await page.locator('[data-editor-action=apply]').click();
  await expectTerminal(page, /pod\/typed-pod created/);
});

test('vi opens the editor and :wq saves back into the sandbox', async ({ page }) => {
  await page.goto(url('pods/'));
  await openSandbox(page);
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('vi notes.yaml\r');
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-tab', 'editor', { timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.type('ikind: Pod');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('cat notes.yaml\r');
  await expectTerminal(page, /cat notes\.yaml\s*\n\s*kind: Pod/);
});

test('time controls: skip moves the clock, pause stops it', async ({ page }) => {
  await page.goto(url('lifecycle/'));
  await openSandbox(page);
  await page.getByRole('button', { name: 'Pause the cluster clock' }).click();
  // A pacing tick sent just before the click still lands (and shows a moment later): read the clock once it stays put.
  let paused = -1;
  await expect
    .poll(
      async () => {
        const now = await clock(page);
        const still = now > 0 && now === paused;
        paused = now;
        return still;
      },
      { intervals: [600] },
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Skip 1 minute' }).click();
  // Exactly a minute later: a clock still running would have passed that before the snapshot came back.
  await expect.poll(() => clock(page)).toBe(paused + 60_000);
  await page.getByRole('button', { name: 'Sixty times faster' }).click();
  await expect.poll(() => clock(page), { timeout: 5000 }).toBeGreaterThan(paused + 90_000);
});

test('reload keeps the sandbox, Reset clears it', async ({ page }) => {
  await page.goto(url('pods/'));
  await openSandbox(page);
  await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
  await expectTerminal(page, /pod\/hello-world-pod created/);
  // The save is throttled to once a second: wait until it holds the apply.
  await expect.poll(() => savedStates(page), { timeout: 10_000 }).toMatch(/"data":"kubectl apply -f pod\.yaml/);
  await page.reload();
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-terminal', 'ready', { timeout: 20_000 });
  await expectTerminal(page, /pod\/hello-world-pod created/);
  // The restored cluster resumes where it was saved (pod still starting): let the image pull finish.
  await page.getByRole('button', { name: 'Skip 10 seconds' }).click();
  await page.locator('.sl-markdown-content [data-rc-line="kubectl get pods"]').first().click();
  await expectTerminal(page, /hello-world-pod\s+1\/1/, 20_000);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await page.locator('[data-sbx-cluster]').innerText())).toContain('No pods yet');
});

test('a killed worker is restarted with its state and a notice', async ({ page }) => {
  await page.goto(url('pods/'));
  await openSandbox(page);
  await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
  await expectTerminal(page, /pod\/hello-world-pod created/);
  await expect.poll(() => savedStates(page), { timeout: 10_000 }).toMatch(/"data":"kubectl apply -f pod\.yaml/);
  await page.evaluate(() => (document.querySelector('podlab-sandbox') as unknown as { killWorker(): Promise<void> }).killWorker());
  await expectTerminal(page, /simulator stopped and was restarted/, 20_000);
  await expect.poll(async () => (await page.locator('[data-sbx-cluster]').innerText()), { timeout: 10_000 }).toContain('hello-world-pod');
});
