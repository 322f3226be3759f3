/**
 * Vite plugin for the simulator worker's build: `kubectl explain`'s schema module gets an empty
 * schema instead of its 280 KB of data, which the worker then loads as a separate chunk
 * (src/worker/explain-schema-loader.ts). Node (CLI, tests, `podsim serve`) keeps the static import.
 */
import type { Plugin } from 'vite';

const EMPTY = '\0podlab-empty-explain-schema';

export function lazyExplainSchema(): Plugin {
  let replaced = false;
  return {
    name: 'podlab-lazy-explain-schema',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './schema.generated.json' || !importer?.replace(/\\/g, '/').endsWith('/kubectl/explain/schema.ts')) return null;
      replaced = true;
      return EMPTY;
    },
    load(id) {
      return id === EMPTY ? 'export default { kinds: {}, types: {} };' : null;
    },
    buildEnd(error) {
      // A renamed data file would silently put the data back into the worker bundle.
      const hasSchema = [...this.getModuleIds()].some((id) => id.replace(/\\/g, '/').endsWith('/kubectl/explain/schema.ts'));
      if (!error && hasSchema && !replaced) this.error('lazy-explain-schema: kubectl/explain/schema.ts no longer imports ./schema.generated.json');
    },
  };
}
