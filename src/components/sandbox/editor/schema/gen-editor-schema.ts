/**
 * Writes kubernetes.schema.generated.json, the editor's Kubernetes schema, from `kubectl explain`'s
 * generated data. The root package's postinstall runs after the workspace's (which generates that
 * data), so a fresh `npm ci` produces both: `npx tsx src/components/sandbox/editor/schema/gen-editor-schema.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ExplainSchema } from 'podsim/explain-schema';
import { editorSchema } from './editor-schema.ts';

const source = new URL(import.meta.resolve('podsim/explain-schema.json'));
const out = new URL('./kubernetes.schema.generated.json', import.meta.url);

const schema = editorSchema(JSON.parse(readFileSync(source, 'utf8')) as ExplainSchema);
writeFileSync(out, JSON.stringify(schema));
console.log(`editor schema: ${Object.keys(schema.definitions as object).length} definitions -> ${out.pathname}`);
