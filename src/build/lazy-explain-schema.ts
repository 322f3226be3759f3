/**
 * Vite plugin for the simulator worker's build: the big generated data modules — `kubectl explain`'s
 * schema (280 KB), the registry's tag catalogue (590 KB) and jq's filter engine — are replaced by empty ones, and the
 * worker loads the data as chunks of their own (src/worker/explain-schema-loader.ts). Node (CLI,
 * tests, `podsim serve`) keeps the static imports.
 */
import type { Plugin } from 'vite';

const LAZY = [
  { importer: '/kubectl/explain/schema.ts', source: './schema.generated.json', empty: '{ kinds: {}, types: {} }' },
  { importer: '/images/catalogue/catalogue.ts', source: './tags.generated.json', empty: '{ sources: {}, repos: {} }' },
  { importer: '/programs/clients/jq-engine.ts', source: '@michaelhomer/jqjs', empty: '{}' },
];

const EMPTY = '\0podlab-empty-data:';

export function lazyExplainSchema(): Plugin {
  const replaced = new Set<string>();
  const norm = (id: string) => id.replace(/\\/g, '/');
  return {
    name: 'podlab-lazy-explain-schema',
    enforce: 'pre',
    resolveId(source, importer) {
      const lazy = LAZY.find((l) => source === l.source && importer && norm(importer).endsWith(l.importer));
      if (!lazy) return null;
      replaced.add(lazy.importer);
      return EMPTY + lazy.importer;
    },
    load(id) {
      const lazy = id.startsWith(EMPTY) ? LAZY.find((l) => l.importer === id.slice(EMPTY.length)) : undefined;
      return lazy ? `export default ${lazy.empty};` : null;
    },
    buildEnd(error) {
      // A renamed data file would silently put the data back into the worker bundle.
      const ids = [...this.getModuleIds()].map(norm);
      for (const l of LAZY) {
        if (!error && ids.some((id) => id.endsWith(l.importer)) && !replaced.has(l.importer)) this.error(`lazy data: ${l.importer} no longer imports ${l.source}`);
      }
    },
  };
}
