// podsim's own tests: `npx vitest run --root packages/podsim`; the root config runs them as one of its projects.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'podsim',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
