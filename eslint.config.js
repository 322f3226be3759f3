// One lint over the site, the simulator package, the tests and the scripts (`npm run lint`, part of `npm test`).
// The recommended typescript-eslint set without type information, plus the few type-aware rules that catch
// real bugs in an async host (a promise nobody awaits, a promise handed where a plain callback is expected,
// an await on something that is not a promise). The full type-checked set is measured in the README.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/', 'dist/', '.astro/', 'test-results/', 'playwright-report/', 'public/'] },
  // A disable that no longer suppresses anything is itself an error, so none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // A podsim Program is a generator by contract (kernel/process.ts): one that never blocks still is one.
      'require-yield': 'off',
      // A handle that a callback may read before the call creating it returns (a watch's stop, a timer)
      // stays `let … | undefined`: const would turn that early read into a TDZ ReferenceError.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // Plain JavaScript: the configs and the podsim bin run in Node; the site's inline scripts in the page.
  { files: ['**/*.mjs', '**/*.js'], ignores: ['src/**'], languageOptions: { globals: globals.node } },
  { files: ['src/**/*.js'], languageOptions: { globals: globals.browser } },
);
