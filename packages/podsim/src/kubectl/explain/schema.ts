/**
 * The API documentation `kubectl explain` prints, generated at install time from the Kubernetes API
 * docs shipped by the `kubernetes-models` package (scripts/gen-explain-schema.ts).
 */
import data from './schema.generated.json';

/** [name, type text, referenced type key or '', description, required, enum values] */
export type FieldDoc = [string, string, string, string, boolean, string[]];

export interface TypeDoc {
  name: string;
  description: string;
  fields: FieldDoc[];
}

export interface ExplainSchema {
  kinds: Record<string, { group: string; version: string; type: string }>;
  types: Record<string, TypeDoc>;
}

export const SCHEMA = data as unknown as ExplainSchema;

/**
 * Fills SCHEMA from its data. The site's simulator worker is built without the data (it is a third
 * of the bundle, needed only by `kubectl explain`) and loads it as a chunk of its own, then calls
 * this before any command runs (src/worker/explain-schema-loader.ts, src/build/lazy-explain-schema.ts).
 */
export function provideExplainSchema(schema: unknown): void {
  Object.assign(SCHEMA, schema);
}
