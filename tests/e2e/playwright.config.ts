import { defineConfig } from '@playwright/test';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, ORIGIN, PREVIEW_PORT } from './chromium.js';

// Runs against `astro preview` of the built site (build first: `npx astro build`).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `${ORIGIN}${BASE}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PREVIEW_PORT}`,
    url: `${ORIGIN}${BASE}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    cwd: '../..',
  },
});
