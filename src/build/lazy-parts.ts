/**
 * Vite plugin for the simulator worker's build: podsim's lazily provided parts (`*.lazy.ts`, see
 * packages/podsim/src/lazy/part.ts) are cut out of the worker. Every static import of one inside
 * podsim becomes an empty module; `podsim/lazy-parts` imports them dynamically, so each becomes a
 * chunk the worker loads after the prompt. Node keeps the static imports.
 *
 * The build fails when the worker's own chunk still holds a part; it reports the chunk's gzip size,
 * which tests/e2e/worker-size.spec.ts holds to its budget.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const STUB = '\0podlab-lazy-part:';
const LAZY = /\.lazy(\.[jt]s)?$/;
const norm = (id: string) => id.replace(/\\/g, '/');

export function lazyParts(worker = /\/src\/worker\/sandbox\.worker\.ts$/): Plugin {
  return {
    name: 'podlab-lazy-parts',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!LAZY.test(source.replace(/\.js$/, '')) || !importer) return null;
      const from = norm(importer);
      if (!from.includes('/packages/podsim/src/') || from.endsWith('/packages/podsim/src/lazy-parts.ts')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? STUB + norm(resolved.id) : null;
    },
    load(id) {
      return id.startsWith(STUB) ? 'export default undefined;' : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.facadeModuleId || !worker.test(norm(chunk.facadeModuleId))) continue;
        const parts = Object.keys(chunk.modules).filter((id) => LAZY.test(norm(id).replace(/\.ts$/, '')) && !id.startsWith(STUB));
        if (parts.length) this.error(`lazy parts in the simulator worker's chunk: ${parts.join(', ')}`);
        this.info(`simulator worker: ${gzipSync(chunk.code, { level: 9 }).length} bytes gzip`);
      }
    },
  };
}
