/**
 * `kubectl explain`'s API documentation is a third of the simulator's code (and the tag catalogue
 * more than that again). The worker bundle is
 * built without it (src/build/lazy-explain-schema.ts); this loads it as a chunk of its own once
 * the sandbox has started, and holds the reader's input until it is there, so no command ever
 * sees an empty schema. It arrives long before anyone can type.
 */
import type { SandboxApi } from 'podsim';
import { provideExplainSchema } from 'podsim/explain-schema';
import { provideJq } from 'podsim/jq-engine';
import { loadLazyParts } from 'podsim/lazy-parts';
import { provideTagCatalogue } from 'podsim/tag-catalogue';

/**
 * The calls that can run a command, or must stay in order with one (they are replayed in order). The clock's
 * ticks too: a pause clicked while the chunks load holds the clock where the reader saw it.
 */
const INPUTS = new Set<PropertyKey>(['write', 'run', 'writeFile', 'editorClosed', 'advance', 'setSpeed', 'tick']);

export interface ExplainSchemaLoader {
  load(): Promise<void>;
  /** The sandbox with its inputs held, in order, until the schema is loaded. */
  gate(sandbox: SandboxApi): SandboxApi;
}

// The registry's tag catalogue, jq's engine and podsim's lazy parts (rare verbs, image families,
// runtimes, client tools) come the same way: pulls and commands run synchronously.
const importSchema = () =>
  Promise.all([
    loadLazyParts(),
    import('podsim/explain-schema.json').then((m) => provideExplainSchema(m.default)),
    import('podsim/tag-catalogue.json').then((m) => provideTagCatalogue(m.default)),
    import('@michaelhomer/jqjs').then((m) => provideJq(m.default)),
  ]).then(() => undefined);

export function explainSchemaLoader(fetchSchema: () => Promise<void> = importSchema): ExplainSchemaLoader {
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= fetchSchema());

  return {
    load,
    gate(sandbox) {
      // The last held call (or the load itself); undefined once everything held has run.
      let tail: Promise<unknown> | undefined;
      const holdUntil = (p: Promise<unknown>) => {
        const settled = p.then(
          () => undefined,
          () => undefined,
        );
        tail = settled;
        void settled.then(() => {
          if (tail === settled) tail = undefined;
        });
      };
      // A schema that failed to load leaves `kubectl explain` empty-handed, not the whole sandbox stuck.
      holdUntil(load());
      const inOrder = (call: () => unknown) => {
        if (!tail) return call();
        const result = tail.then(call);
        holdUntil(result);
        return result;
      };
      return new Proxy(sandbox, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (typeof value !== 'function') return value;
          const method = value as (...args: unknown[]) => unknown;
          return INPUTS.has(prop) ? (...args: unknown[]) => inOrder(() => method.apply(target, args)) : method.bind(target);
        },
      });
    },
  };
}
