/**
 * Site bench (`npm run bench:site`): builds the site, serves it with `astro preview`, and measures
 * in Debian's Chromium:
 *   - JS and CSS (gzip) a course page transfers before any interaction (targets 30 KB / 20 KB),
 *   - time from opening the sandbox to a terminal prompt (target 500 ms) and to a usable editor (2 s),
 *   - the size of every lazily loaded chunk, and the build time.
 * `--no-build` reuses dist/. Prints a Markdown report (for the README) and writes it as JSON.
 */
import { spawn, execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { COURSE_PAGES } from '../../src/course.js';

const ROOT = join(import.meta.dirname, '../..');
const PORT = 4323;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function build(): number {
  const t0 = performance.now();
  execSync('npx astro build', { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - t0;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('astro preview did not start');
}

async function firstPaintBytes(page: Page, path: string): Promise<{ js: number; css: number; pagefindUi: number; files: string[] }> {
  const sizes = { js: 0, css: 0, pagefindUi: 0, files: [] as string[] };
  const pending: Promise<void>[] = [];
  const onResponse = (res: Response) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      res.body().then((body) => {
        const gz = gzipSync(body).length;
        // Starlight preloads the Pagefind search UI when the page is idle; reported apart.
        if (/ui-core|pagefind/.test(res.url())) sizes.pagefindUi += gz;
        if (type === 'script') sizes.js += gz;
        else sizes.css += gz;
        sizes.files.push(new URL(res.url()).pathname);
      }),
    );
  };
  page.on('response', onResponse);
  await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  await Promise.all(pending);
  // Inline <script> and <style> count too: they are part of the HTML but run before interaction.
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''),
    css: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join(''),
  }));
  sizes.js += gzipSync(inline.js).length;
  sizes.css += gzipSync(inline.css).length;
  return sizes;
}

async function sandboxTimings(page: Page): Promise<{ terminal: number; editor: number }> {
  const t0 = Date.now();
  await page.locator('[data-sbx-open]').first().click();
  await page.waitForFunction(() => /learner@podlab:~\$/.test(document.querySelector('.xterm-rows')?.textContent ?? ''), undefined, { timeout: 30_000 });
  const terminal = Date.now() - t0;
  await page.locator('.sbx-tab[data-tab=editor]').click();
  await page.waitForFunction(() => document.querySelector('podlab-sandbox')?.getAttribute('data-editor') === 'ready' && !!document.querySelector('.monaco-editor .view-lines'), undefined, { timeout: 30_000 });
  return { terminal, editor: Date.now() - t0 };
}

function lazyChunks(firstPaint: Set<string>): { file: string; raw: number; gzip: number }[] {
  const dir = join(ROOT, 'dist/_astro');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(js|css|ttf|woff2?)$/.test(f) && !firstPaint.has(`/_astro/${f}`))
    .map((f) => ({ file: f, raw: statSync(join(dir, f)).size, gzip: gzipSync(readFileSync(join(dir, f))).length }))
    .filter((c) => c.raw > 2048)
    .sort((a, b) => b.gzip - a.gzip);
}

async function main(): Promise<void> {
  const buildMs = process.argv.includes('--no-build') ? undefined : build();
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const pages: { page: string; js: number; css: number; pagefindUi: number; terminal: number; editor: number }[] = [];
    const firstPaint = new Set<string>();
    for (const slug of COURSE_PAGES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const bytes = await firstPaintBytes(page, `/${slug}/`);
      bytes.files.forEach((f) => firstPaint.add(f));
      const t = await sandboxTimings(page);
      pages.push({ page: slug, js: bytes.js, css: bytes.css, pagefindUi: bytes.pagefindUi, ...t });
      await context.close();
    }
    await browser.close();
    const chunks = lazyChunks(firstPaint);
    const lines = [
      `| page | JS before interaction (gzip) | of which Starlight's idle Pagefind UI | CSS before interaction (gzip) | open → terminal prompt | open → editor usable |`,
      `|---|---|---|---|---|---|`,
      ...pages.map((p) => `| ${p.page} | ${kb(p.js)} | ${kb(p.pagefindUi)} | ${kb(p.css)} | ${p.terminal} ms | ${p.editor} ms |`),
      '',
      `| lazy chunk | raw | gzip |`,
      `|---|---|---|`,
      ...chunks.map((c) => `| ${c.file} | ${kb(c.raw)} | ${kb(c.gzip)} |`),
      '',
      buildMs === undefined ? 'Build: not measured (--no-build).' : `Build (astro build): ${(buildMs / 1000).toFixed(1)} s`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(join(import.meta.dirname, 'site-bench.json'), JSON.stringify({ buildMs, pages, chunks }, null, 2) + '\n');
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
