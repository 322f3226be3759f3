/**
 * jqjs behind a seam: Node (tests, CLI, `podsim serve`) imports it statically; the site's simulator
 * worker is built without it (src/build/lazy-explain-schema.ts) and loads it as a chunk of its own
 * before the first command (src/worker/explain-schema-loader.ts), keeping 13 KB gzip out of the worker.
 */
import jqjs, { type JQValue } from '@michaelhomer/jqjs';

export type JqFilter = (input: JQValue) => Generator<JQValue, void, unknown>;

// In the worker's build the import is an empty object until provideJq.
let engine: { compile?(program: string): JqFilter } = jqjs;

export function provideJq(module: { compile(program: string): JqFilter }): void {
  engine = module;
}

/** Compiles a filter; throws jqjs's message (a string) for a bad one. */
export function compileJq(program: string): JqFilter {
  if (!engine.compile) throw 'jq is still loading; try again in a moment';
  return engine.compile(program);
}
