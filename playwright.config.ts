import { defineConfig } from '@playwright/test';
import { BASE, CHROMIUM_ARGS, CHROMIUM_PATH, ORIGIN, PREVIEW_PORT } from './tests/e2e/chromium.js';

// Browser tests against `astro preview` of the built site (`npx astro build` first), in Debian's
// Chromium (scripts/ensure-chromium.sh). One worker: the machine has two cores.
export default defineConfig({
  testDir: 'tests/e2e',
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
    timeout: 120_000,
  },
});
