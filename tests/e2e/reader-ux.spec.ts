/**
 * The reader's work is never lost, the sandbox is usable by keyboard and on a phone, and the
 * cluster view tells a container's story (issue 9, points 3, 6 and 7).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectTerminal, openSandbox, savedKeystrokes, url } from './helpers.js';

const sandbox = (page: Page) => page.locator('podlab-sandbox');
const terminalInput = (page: Page) => page.locator('.xterm-helper-textarea');

async function typeLine(page: Page, line: string): Promise<void> {
  await terminalInput(page).focus();
  await page.keyboard.type(`${line}\r`);
}

/** The sandbox saves at most once a second. */

test.describe('never lose a reader’s work', () => {
  test('the page’s Apply asks when the reader changed the file: keep mine, or use the page’s', async ({ page }) => {
    await page.goto(url('pods/'));
    await openSandbox(page);
    await typeLine(page, "sed -i 's/name: hello-world-pod/name: my-own-pod/' pod.yaml; echo \"sed ended $?\"");
    // Only the command's output has the status in it: the file is changed before Apply is clicked.
    await expectTerminal(page, /sed ended 0/);
    await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
    const dialog = page.getByRole('dialog', { name: /Your pod\.yaml differs/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep mine and apply it' }).click();
    await expectTerminal(page, /pod\/my-own-pod created/);
    await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Use the page’s version' }).click();
    await expectTerminal(page, /pod\/hello-world-pod created/);
    // The page's own version applied again is not a conflict.
    await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
    await expectTerminal(page, /pod\/hello-world-pod (unchanged|configured)/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('vi survives a reload: the editor reopens and closing it frees the shell', async ({ page }) => {
    const line = 'vi notes.yaml; echo "vi returned $?"';
    await page.goto(url('pods/'));
    await openSandbox(page);
    await typeLine(page, line);
    await expect(sandbox(page)).toHaveAttribute('data-tab', 'editor', { timeout: 20_000 });
    // The saved state must hold the Enter that started vi, not only the typed name (saved while typing).
    await expect.poll(() => savedKeystrokes(page), { timeout: 20_000 }).toContain(`${line}\r`);
    await page.reload();
    await expect(sandbox(page)).toHaveAttribute('data-terminal', 'ready', { timeout: 20_000 });
    // The reloaded page owns the saved state (no other-tab notice).
    await expect(page.locator('[data-sbx-take-over]')).toHaveCount(0);
    await expect(sandbox(page)).toHaveAttribute('data-tab', 'editor', { timeout: 20_000 });
    await expect(page.locator('[data-editor-action=cancel]')).toBeVisible({ timeout: 20_000 });
    await page.locator('[data-editor-action=cancel]').click();
    await expectTerminal(page, /vi returned \d+/);
  });

  test('two tabs of one page: one saves, the other says so and can take over', async ({ context }) => {
    const first = await context.newPage();
    await first.goto(url('lifecycle/'));
    await openSandbox(first);
    const second = await context.newPage();
    await second.goto(url('lifecycle/'));
    await openSandbox(second);
    const secondNotice = second.locator('[data-sbx-notice]');
    await expect(secondNotice).toContainText('open in another tab');
    await expect(first.locator('[data-sbx-notice]')).toBeHidden();
    await secondNotice.getByRole('button', { name: 'Use this tab instead' }).click();
    await expect(secondNotice).toBeHidden();
    await expect(first.locator('[data-sbx-notice]')).toContainText('taken over in another tab');
  });

  test('Reset asks first and can be undone once', async ({ page }) => {
    await page.goto(url('pods/'));
    await openSandbox(page);
    await page.getByRole('button', { name: 'Apply pod.yaml' }).click();
    await expectTerminal(page, /pod\/hello-world-pod created/);
    const cluster = page.locator('[data-sbx-cluster]');
    await expect(cluster).toContainText('hello-world-pod');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(cluster).toContainText('hello-world-pod');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
    await expect(cluster).toContainText('No pods yet');
    await page.getByRole('button', { name: 'Undo reset' }).click();
    await expect(cluster).toContainText('hello-world-pod', { timeout: 20_000 });
    await expectTerminal(page, /pod\/hello-world-pod created/);
    await expect(page.getByRole('button', { name: 'Undo reset' })).toHaveCount(0);
  });
});

test.describe('keyboard, themes and layout', () => {
  test('Escape then Tab leaves the terminal (Tab alone stays in it), and the way out is described', async ({ page }) => {
    await page.goto(url('pods/'));
    await openSandbox(page);
    const input = terminalInput(page);
    await input.focus();
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    const help = await input.getAttribute('aria-describedby');
    expect(help).toBeTruthy();
    await expect(page.locator(`#${help}`)).toContainText('Esc');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-sbx-announce]')).toContainText('Tab to leave the terminal');
    await page.keyboard.press('Tab');
    await expect(input).not.toBeFocused();
    expect(await page.evaluate(() => !!document.activeElement?.closest('podlab-sandbox') || document.activeElement !== document.body)).toBe(true);
    // Back in, Escape then Shift+Tab leaves backwards; Escape then a letter still reaches the shell.
    await input.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await expect(input).not.toBeFocused();
  });

  for (const theme of ['dark', 'light'] as const) {
    test(`axe: no serious or critical violations in the ${theme} theme (sandbox open, a pressed button)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(url('probes/'));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openSandbox(page);
      await expect(page.locator('[data-speed="1"]')).toHaveAttribute('aria-pressed', 'true');
      const results = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').exclude('.monaco-editor').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the drawer resizes by keyboard and by pointer; maximized, the terminal is full width', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url('pods/'));
    await openSandbox(page);
    const drawer = sandbox(page);
    const height = async () => (await drawer.boundingBox())!.height;
    const start = await height();
    const handle = page.getByRole('separator', { name: 'Resize the sandbox' });
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(height).toBeGreaterThan(start + 60);
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, 600, { steps: 4 });
    await page.mouse.up();
    await expect.poll(height).toBeLessThan(220);
    await page.getByRole('button', { name: 'Maximize' }).click();
    const pane = page.locator('[data-pane=terminal]');
    await expect.poll(async () => (await pane.boundingBox())!.width).toBeGreaterThan(1200);
  });

  test('desktop: the terminal has at least 80 columns', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url('pods/'));
    await openSandbox(page);
    await expect.poll(async () => Number(await page.locator('[data-sbx-terminal]').getAttribute('data-cols'))).toBeGreaterThanOrEqual(80);
  });

  test('phone: the toolbar is one row; the other tools are behind More', async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(url('pods/'));
    await openSandbox(page);
    const rows = await page.locator('.sbx-toolbar').evaluate((bar) => {
      const boxes = [...bar.querySelectorAll<HTMLElement>('button, .sbx-clock')].filter((b) => b.offsetParent !== null && !b.closest('.sbx-tools')).map((b) => b.getBoundingClientRect());
      // One row: every control's vertical middle lies within the first control's height.
      const mid = (r: DOMRect) => r.top + r.height / 2;
      const rows = boxes.some((r) => Math.abs(mid(r) - mid(boxes[0])) > boxes[0].height / 2) ? 2 : 1;
      return { rows, overflow: bar.scrollWidth - bar.clientWidth };
    });
    expect(rows).toEqual({ rows: 1, overflow: 0 });
    await expect(page.getByRole('button', { name: 'Reset' })).toBeHidden();
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('button', { name: 'Reset' })).toBeVisible();
    await page.close();
  });
});

test('cluster view: workloads with their pods, a container timeline with back-off countdown, newest events first', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url('lifecycle/'));
  await openSandbox(page);
  await typeLine(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await expectTerminal(page, /deployment.apps\/web created/);
  await typeLine(page, 'kubectl run crasher --image=busybox --restart=Always -- sh -c "sleep 5; exit 3"');
  await expectTerminal(page, /pod\/crasher created/);
  // A here-document typed at the prompt, as kubernetes.io pastes manifests.
  for (const line of ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: probed', 'spec:', '  containers:', '  - name: web', '    image: nginx', '    livenessProbe:', '      httpGet:', '        port: 8081', '      periodSeconds: 5', '    readinessProbe:', '      tcpSocket:', '        port: 80', '      periodSeconds: 5', 'EOF']) {
    await typeLine(page, line);
  }
  await expectTerminal(page, /pod\/probed created/);
  await page.getByRole('button', { name: 'Skip 1 minute' }).click();
  await page.getByRole('button', { name: 'Pause the cluster clock' }).click();
  await page.locator('.sbx-tab[data-tab=cluster]').click();
  const cluster = page.locator('[data-sbx-cluster]');
  await expect(cluster.locator('.sbx-group').first()).toContainText('Deployment web');
  await expect(cluster.locator('.sbx-group').nth(1)).toContainText(/ReplicaSet web-/);
  const crasher = cluster.locator('tr.sbx-ctr').filter({ hasText: 'crasher' });
  await expect(crasher.locator('.sbx-tl-fail').first()).toBeVisible();
  await expect(crasher.locator('.sbx-tl-restart').first()).toBeAttached();
  await expect(crasher.locator('[role=img]')).toHaveAttribute('aria-label', /terminated \(Error, exit 3\)/);
  // Step until the container waits out a back-off: the countdown counts down with the clock.
  await expect(async () => {
    if (!(await cluster.locator('.sbx-tl-backoff').count())) await page.getByRole('button', { name: 'Skip 10 seconds' }).click();
    await expect(cluster.locator('.sbx-tl-backoff').first()).toContainText(/back-off \d+s/, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  // Probe attempts as ticks: the liveness probe on a closed port fails, the readiness probe on nginx's port passes.
  const probed = cluster.locator('tr.sbx-ctr').filter({ hasText: /^web nginx/ }).filter({ has: page.locator('.sbx-tl-probe') });
  await expect(probed.locator('.sbx-tl-liveness.sbx-tl-failure').first()).toBeAttached();
  await expect(probed.locator('.sbx-tl-readiness.sbx-tl-success').first()).toBeAttached();
  await expect(probed.locator('[role=img]')).toHaveAttribute('aria-label', /liveness probe: \d+ failed; readiness probe: \d+ passed/);
  const times = await cluster.locator('.sbx-events time').allInnerTexts();
  expect(times.length).toBeGreaterThan(3);
  expect([...times].sort().reverse()).toEqual(times);
  // README pictures (PODLAB_SCREENSHOTS=1): the maximized cluster view once the highlights faded.
  if (process.env.PODLAB_SCREENSHOTS) {
    await page.setViewportSize({ width: 1100, height: 1500 });
    await page.getByRole('button', { name: 'Maximize' }).click();
    await page.locator('.sbx-tab[data-tab=cluster]').click();
    await cluster.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await cluster.screenshot({ path: 'docs/cluster-view-timeline.png' });
    await crasher.screenshot({ path: 'docs/container-timeline.png' });
  }
});
