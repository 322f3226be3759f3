// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import remarkRunnableCode from './src/markdown/remark-runnable-code.ts';
import { chunkUrl } from './src/build/chunk-url.ts';
import { inlineLazyCss } from './src/build/inline-lazy-css.ts';
import { lazyExplainSchema } from './src/build/lazy-explain-schema.ts';
import { lazyParts } from './src/build/lazy-parts.ts';
import { COURSE_PAGES } from './src/course.ts';

// The site can live under a sub-path (e.g. PODLAB_BASE=/podlab/ for a project page).
const base = process.env.PODLAB_BASE || '/';
const monacoVs = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  base,
  site: process.env.PODLAB_SITE || 'http://127.0.0.1:4321',
  trailingSlash: 'ignore',
  markdown: { remarkPlugins: [remarkRunnableCode] },
  integrations: [
    starlight({
      title: 'Podlab',
      description: 'A hands-on course on Kubernetes Pods with a simulated cluster in your browser.',
      customCss: ['./src/styles/site.css', './src/styles/runnable-code.css'],
      components: { Footer: './src/components/Footer.astro' },
      head: [{ tag: 'script', content: readFileSync(fileURLToPath(new URL('./src/build/idle-deadline.js', import.meta.url)), 'utf8') }],
      sidebar: [
        {
          label: 'Course',
          items: COURSE_PAGES.map((slug) => ({ slug })),
        },
      ],
      lastUpdated: false,
      pagination: true,
    }),
  ],
  vite: {
    plugins: [inlineLazyCss([fileURLToPath(new URL('./node_modules/monaco-editor/', import.meta.url))]), chunkUrl()],
    resolve: {
      // monaco-editor's exports map hides esm/vs/…, which monaco-yaml's dependencies import.
      alias: [
        { find: /^monaco-editor\/esm\/vs\//, replacement: monacoVs },
        // Starlight builds the Pagefind UI when the page is idle; this stand-in loads it on search intent.
        { find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/build/lazy-pagefind-ui.ts', import.meta.url)) },
        // The YAML worker imports prettier only to format, which the editor does not offer (most of the worker's size).
        { find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: fileURLToPath(new URL('./src/components/sandbox/editor/no-prettier.ts', import.meta.url)) },
        // monaco-vim's "browser" export is a UMD build expecting a global monaco.
        { find: /^monaco-vim$/, replacement: fileURLToPath(new URL('./node_modules/monaco-vim/dist/index.mjs', import.meta.url)) },
      ],
    },
    worker: { format: 'es', plugins: () => [lazyExplainSchema(), lazyParts()] },
    // The YAML worker's CommonJS dependencies must be pre-bundled for `astro dev` (the build bundles them anyway).
    optimizeDeps: {
      include: ['yaml', 'monaco-yaml', 'comlink', 'monaco-yaml > path-browserify', 'monaco-yaml > vscode-uri', 'monaco-yaml > jsonc-parser', 'monaco-yaml > vscode-languageserver-types', 'monaco-yaml > vscode-languageserver-textdocument'],
    },
    build: { chunkSizeWarningLimit: 6000 },
  },
});
