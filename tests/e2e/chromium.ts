/** Debian's Chromium, headless, as the stack notes found to work here (also used by the bench). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// Helpers working in parallel each need their own preview server: PODLAB_PREVIEW_PORT picks another port.
export const PREVIEW_PORT = Number(process.env.PODLAB_PREVIEW_PORT ?? 4322);
export const BASE = (process.env.PODLAB_BASE ?? '/').replace(/\/?$/, '/');
export const ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`;
