import { expect, type Page } from '@playwright/test';
import { crashLines } from '../docs/output-errors.js';
import { BASE, ORIGIN } from './chromium.js';

export const PAGES = ['pods', 'multi-container-pods', 'lifecycle', 'probes'];

export function url(path = ''): string {
  return `${ORIGIN}${BASE}${path}`;
}

/** Collects console errors and requests to other origins for the whole test. */
export function watchPage(page: Page): { errors: string[]; foreign: string[] } {
  const seen = { errors: [] as string[], foreign: [] as string[] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.errors.push(msg.text());
  });
  page.on('pageerror', (err) => seen.errors.push(err.message));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== ORIGIN) seen.foreign.push(req.url());
  });
  return seen;
}

export async function openSandbox(page: Page): Promise<void> {
  await page.locator('[data-sbx-open]').first().click();
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-terminal', 'ready', { timeout: 20_000 });
}

export function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('podlab-sandbox') as unknown as { terminalText(): Promise<string> }).terminalText());
}

export async function expectTerminal(page: Page, pattern: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => terminalText(page), { timeout }).toMatch(pattern);
  await expectNoCrash(page);
}

/** A crash of ours (`internal error`: a program that threw, or the sandbox catching an exception) fails any test. */
export async function expectNoCrash(page: Page): Promise<void> {
  expect(crashLines(await terminalText(page)), 'crashes shown on the terminal').toEqual([]);
}

/** The sandbox states this origin saved in IndexedDB (idb-keyval's default store), as JSON text. */
export function savedStates(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) return resolve('');
          const all = db.transaction('keyval').objectStore('keyval').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
          all.onerror = () => resolve('');
        };
      }),
  );
}

/** Every keystroke the saved sandbox states hold, in order (what a reload replays). */
export async function savedKeystrokes(page: Page): Promise<string> {
  const states = JSON.parse((await savedStates(page)) || '[]') as { inputs?: { kind: string; data?: string }[] }[];
  return states.flatMap((s) => s.inputs ?? []).map((i) => (i.kind === 'write' ? i.data : '')).join('');
}

export async function clock(page: Page): Promise<number> {
  return Number(await page.locator('[data-sbx-clock]').getAttribute('data-now'));
}

/** Types text line by line, removing the indentation Monaco adds after each Enter. */
export async function typeInMonaco(page: Page, text: string): Promise<void> {
  for (const line of text.replace(/\n$/, '').split('\n')) {
    await page.keyboard.insertText(line);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
  }
}

/** Opens the pods page's sandbox, its first file in the editor, and replaces the file's text with `text`. */
export async function openEditorWith(page: Page, text: string): Promise<void> {
  await page.goto(url('pods/'));
  await openSandbox(page);
  await page.getByRole('button', { name: 'Open in editor' }).first().click();
  await expect(page.locator('podlab-sandbox')).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await typeInMonaco(page, text);
}
