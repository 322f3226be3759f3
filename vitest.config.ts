import { defineConfig } from 'vitest/config';

// Each package's tests run under its own config (packages/*/vitest.config.ts); the site's are here.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      {
        test: {
          name: 'site',
          include: ['tests/docs/**/*.test.ts', 'tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
