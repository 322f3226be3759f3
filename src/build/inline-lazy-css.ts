/**
 * Vite plugin: monaco-editor's modules import ~100 CSS files. Left alone, Astro hoists that CSS of a
 * lazily loaded chunk into every page's <head> (withastro/astro#9495), blocking first paint. This
 * turns each such import into a module that injects the CSS when the editor chunk actually runs;
 * relative url()s (the codicon font) become bundled asset URLs.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PREFIX = '\0podlab-inline-css:';
const injector = fileURLToPath(new URL('../components/sandbox/inject-style.ts', import.meta.url));

export function inlineLazyCss(packageDirs: string[]): Plugin {
  const owned = (path: string) => packageDirs.some((dir) => path.startsWith(dir));
  return {
    name: 'podlab-inline-lazy-css',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !owned(importer)) return null;
      const path = resolve(dirname(importer), source);
      return owned(path) ? `${PREFIX}${path}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const path = id.slice(PREFIX.length, -'.js'.length);
      const css = readFileSync(path, 'utf8');
      const imports: string[] = [];
      const parts: string[] = [];
      let last = 0;
      for (const m of css.matchAll(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g)) {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(path), m[2]) + '?url')};`);
        parts.push(JSON.stringify(css.slice(last, m.index)), `"url(" + ${name} + ")"`);
        last = m.index! + m[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return `${imports.join('\n')}\nimport { injectStyle } from ${JSON.stringify(injector)};\ninjectStyle(${JSON.stringify(path)}, ${parts.join(' + ')});\n`;
    },
  };
}
