/**
 * The site built for a sub-path (PODLAB_BASE=/podlab/) works there: pages, navigation, search,
 * the sandbox (its workers and lazy chunks) and the editor, with no 404 and no request leaving
 * the origin. The sub-path build is made once here, into a folder outside dist/, and served by a
 * plain static server that answers 404 for anything outside /podlab/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { searchAndOpen } from './search.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = join(import.meta.dirname, '../..');
const BASE = '/podlab/';
const OUT = join(tmpdir(), 'podlab-sub-path-dist');
const PORT = 4325;

let server: StaticServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // One extra site build (≈ 45 s on a quiet 2-core machine, several minutes when it is busy).
  // PODLAB_SUB_PATH_REUSE=1 reuses the last one while working on this spec.
  test.setTimeout(15 * 60_000);
  if (!(process.env.PODLAB_SUB_PATH_REUSE && existsSync(join(OUT, 'index.html')))) {
    await promisify(execFile)('npx', ['astro', 'build', '--outDir', OUT], {
      cwd: ROOT,
      env: { ...process.env, PODLAB_BASE: BASE },
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  server = await serveStatic({ root: OUT, base: BASE, port: PORT });
});

test.afterAll(async () => {
  await server?.close();
});

/** Every failed response and every request to another origin, for the whole test. */
function watch(page: Page): { failed: string[]; foreign: string[]; errors: string[] } {
  const seen = { failed: [] as string[], foreign: [] as string[], errors: [] as string[] };
  page.on('response', (res) => {
    if (res.status() >= 400) seen.failed.push(`${res.status()} ${res.url()}`);
  });
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== server.origin) seen.foreign.push(req.url());
  });
  page.on('pageerror', (err) => seen.errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.errors.push(msg.text());
  });
  return seen;
}

test('sub-path: pages and their assets load under /podlab/, navigation and search stay there', async ({ page }) => {
  const seen = watch(page);
  await page.goto(`${server.origin}${BASE}`);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.locator('main a[href="pods/"], main a[href$="/pods/"]').first().click();
  await expect(page).toHaveURL(`${server.origin}${BASE}pods/`);
  await page.locator('a[rel=next]').first().click();
  await expect(page).toHaveURL(new RegExp(`^${server.origin}${BASE}multi-container-pods/$`));
  await page.waitForLoadState('networkidle');
  await searchAndOpen(page, 'liveness', new RegExp(`^(${server.origin})?${BASE}probes/(#.*)?$`));
  expect(seen).toEqual({ failed: [], foreign: [], errors: [] });
  expect(server.misses).toEqual([]);
});

test('sub-path: the sandbox starts, runs kubectl (explain too) and opens the editor', async ({ page }) => {
  const seen = watch(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await page.goto(`${server.origin}${BASE}pods/`);
  await page.locator('[data-sbx-open]').first().click();
  const sandbox = page.locator('podlab-sandbox');
  await expect(sandbox).toHaveAttribute('data-terminal', 'ready', { timeout: 30_000 });
  const run = (line: string) =>
    page.evaluate((l) => (document.querySelector('podlab-sandbox') as unknown as { perform(a: unknown): Promise<void> }).perform({ kind: 'run', line: l }), line);
  const text = () => page.evaluate(() => (document.querySelector('podlab-sandbox') as unknown as { terminalText(): Promise<string> }).terminalText());
  await run('kubectl get pods');
  await expect.poll(text, { timeout: 15_000 }).toContain('No resources found in default namespace.');
  await run('kubectl explain pod.spec.restartPolicy');
  await expect.poll(text, { timeout: 15_000 }).toContain('FIELD: restartPolicy <string>');
  await page.locator('.sbx-tab[data-tab=editor]').click();
  await expect(sandbox).toHaveAttribute('data-editor', 'ready', { timeout: 60_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  // The simulator and the YAML language worker, both from under the base (file names minus hash).
  await expect
    .poll(() => workers.map((w) => w.replace(/-[^/.]+\.js$/, '')).sort(), { timeout: 30_000 })
    .toEqual([`${BASE}_astro/sandbox.worker`, `${BASE}_astro/yaml.worker`]);
  expect(seen).toEqual({ failed: [], foreign: [], errors: [] });
  expect(server.misses).toEqual([]);
});
