/**
 * Vite plugin: `import url from './module.ts?chunk-url'` gives the URL of the chunk that holds
 * `module.ts` in the build (the same chunk its dynamic `import()` loads), so a page can
 * `<link rel="modulepreload">` a large lazy chunk ahead of evaluating it. In `astro dev` it is the
 * module's dev-server URL.
 */
import type { Plugin } from 'vite';

const SUFFIX = '?chunk-url';
const PREFIX = '\0podlab-chunk-url:';

export function chunkUrl(): Plugin {
  let serve = false;
  return {
    name: 'podlab-chunk-url',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const target = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      if (!target) this.error(`chunk-url: cannot resolve ${source}`);
      // Ends in .js so that no other plugin (JSON, CSS) takes the stand-in module for the target.
      return `${PREFIX}${target.id}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const target = id.slice(PREFIX.length, -'.js'.length);
      if (serve) return `export default ${JSON.stringify(`/@fs${target}`)};`;
      // No signature to keep: the chunk is only preloaded, so Rollup need not add a facade chunk.
      const ref = this.emitFile({ type: 'chunk', id: target, preserveSignature: false });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
