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
