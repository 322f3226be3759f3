/**
 * Site bench (`npm run bench:site`): builds the site, serves dist/ like a static host (gzip, see
 * tests/e2e/static-server.ts) and measures in Debian's Chromium:
 *   - JS and CSS (gzip) each course page transfers before any interaction (targets 30 KB / 20 KB),
 *   - time from opening the sandbox to a terminal prompt (target 500 ms) and to a usable editor
 *     (2 s): median, min and max of `--runs=N` cold opens (fresh browser context each), timed in
 *     the page from the click itself (no pointer over the button first, so no warm-up),
 *   - the size of every lazily loaded chunk and worker, and the build time,
 * with the load average beside them (the machine is shared). `--no-build` reuses dist/;
 * `--pages=pods,probes` measures only those pages.
 * Prints a Markdown report (for the README) and writes it as JSON beside this file.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { COURSE_PAGES } from '../../src/course.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { serveStatic } from '../e2e/static-server.js';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const PORT = 4323;
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 5);
const PAGES = option('pages')?.split(',') ?? COURSE_PAGES;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

interface FirstPaint {
  js: number;
  css: number;
  search: number;
  files: string[];
}

function build(): number {
  const t0 = performance.now();
  execSync('npx astro build', { cwd: ROOT, stdio: 'ignore' });
  return performance.now() - t0;
}

async function firstPaintBytes(page: Page, url: string): Promise<FirstPaint> {
  const sizes: FirstPaint = { js: 0, css: 0, search: 0, files: [] };
  const pending: Promise<void>[] = [];
  const onResponse = (res: Response) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      res.body().then((body) => {
        const gz = gzipSync(body).length;
        if (/pagefind|ui-core/i.test(res.url())) sizes.search += gz;
        if (type === 'script') sizes.js += gz;
        else sizes.css += gz;
        sizes.files.push(new URL(res.url()).pathname);
      }),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  // Starlight's idle callbacks (search) run after network idle: give them time to fetch anything.
  await page.waitForTimeout(1500);
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

/**
 * Opens the sandbox with a click dispatched in the page and times prompt and editor from it.
 * A string, not a function: tsx would add helpers the page does not have.
 */
const TIME_SANDBOX = `new Promise((resolve, reject) => {
  function until(ready) {
    return new Promise((done) => {
      const poll = setInterval(() => {
        if (ready()) { clearInterval(poll); done(performance.now()); }
      }, 4);
    });
  }
  setTimeout(() => reject(new Error('sandbox not ready in 60 s')), 60000);
  const t0 = performance.now();
  document.querySelector('[data-sbx-open]').click();
  until(() => /learner@podlab:~\\$/.test(document.querySelector('.xterm-rows')?.textContent ?? '')).then(async (prompt) => {
    document.querySelector('.sbx-tab[data-tab=editor]').click();
    const editor = await until(() => document.querySelector('podlab-sandbox')?.getAttribute('data-editor') === 'ready' && !!document.querySelector('.monaco-editor .view-lines'));
    resolve({ terminal: prompt - t0, editor: editor - t0 });
  });
})`;

function sandboxTimings(page: Page): Promise<{ terminal: number; editor: number }> {
  return page.evaluate(TIME_SANDBOX) as Promise<{ terminal: number; editor: number }>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const spread = (xs: number[]) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;

/** Every built chunk not loaded before interaction: lazy JS, workers, CSS, fonts, Pagefind's files. */
function lazyChunks(firstPaint: Set<string>): { file: string; raw: number; gzip: number }[] {
  const list = (dir: string, prefix: string) =>
    existsSync(dir)
      ? readdirSync(dir, { encoding: 'utf8' })
          // Pagefind's own UI bundles are never loaded: Starlight bundles the UI it uses (ui-core).
          .filter((f) => (/\.(m?js|css|ttf|woff2?|wasm)$/.test(f) || /^wasm\./.test(f)) && !/^pagefind-(component-|modular-)?ui|^pagefind-highlight/.test(f))
          .map((f) => ({ path: join(dir, f), file: `${prefix}${f}` }))
      : [];
  return [...list(join(DIST, '_astro'), '_astro/'), ...list(join(DIST, 'pagefind'), 'pagefind/')]
    .filter((c) => ![...firstPaint].some((p) => p.endsWith(`/${c.file}`)))
    .map((c) => ({ file: c.file, raw: statSync(c.path).size, gzip: gzipSync(readFileSync(c.path)).length }))
    .filter((c) => c.raw > 2048)
    .sort((a, b) => b.gzip - a.gzip);
}

interface PageFigures {
  page: string;
  js: number;
  css: number;
  search: number;
  terminal: number[];
  editor: number[];
  load: string;
}

async function measurePage(browser: Browser, origin: string, slug: string, firstPaint: Set<string>): Promise<PageFigures> {
  const figures: PageFigures = { page: slug, js: 0, css: 0, search: 0, terminal: [], editor: [], load: load() };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (run === 0) {
      const bytes = await firstPaintBytes(page, `${origin}/${slug}/`);
      bytes.files.forEach((f) => firstPaint.add(f));
      Object.assign(figures, { js: bytes.js, css: bytes.css, search: bytes.search });
    } else {
      await page.goto(`${origin}/${slug}/`, { waitUntil: 'networkidle' });
    }
    const t = await sandboxTimings(page);
    figures.terminal.push(t.terminal);
    figures.editor.push(t.editor);
    await context.close();
  }
  figures.load += ` → ${load()}`;
  return figures;
}

async function main(): Promise<void> {
  const loadBeforeBuild = load();
  const buildMs = process.argv.includes('--no-build') ? undefined : build();
  const server = await serveStatic({ root: DIST, port: PORT });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const pages: PageFigures[] = [];
    const firstPaint = new Set<string>();
    for (const slug of PAGES) pages.push(await measurePage(browser, server.origin, slug, firstPaint));
    await browser.close();
    const chunks = lazyChunks(firstPaint);
    const lines = [
      `Chromium, ${RUNS} cold opens per page; load average (1/5/15 min) before → after each page.`,
      '',
      `| page | JS before interaction (gzip) | of which search | CSS before interaction (gzip) | open → terminal prompt, median (min–max) | open → editor usable, median (min–max) | load average |`,
      `|---|---|---|---|---|---|---|`,
      ...pages.map((p) => `| ${p.page} | ${kb(p.js)} | ${kb(p.search)} | ${kb(p.css)} | ${spread(p.terminal)} | ${spread(p.editor)} | ${p.load} |`),
      '',
      `| lazy chunk | raw | gzip |`,
      `|---|---|---|`,
      ...chunks.map((c) => `| ${c.file} | ${kb(c.raw)} | ${kb(c.gzip)} |`),
      '',
      buildMs === undefined ? 'Build: not measured (--no-build).' : `Build (astro build): ${(buildMs / 1000).toFixed(1)} s, load average before: ${loadBeforeBuild}`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(join(import.meta.dirname, 'site-bench.json'), JSON.stringify({ buildMs, loadBeforeBuild, runs: RUNS, pages, chunks }, null, 2) + '\n');
  } finally {
    await server.close();
  }
}

await main();
