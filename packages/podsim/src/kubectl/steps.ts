/**
 * kubectl's three steps for a verb (upstream pkg/cmd/*: `o.Complete(f, cmd, args)`, `o.Validate()`,
 * `o.Run()`): flags and arguments become an options value, the options are checked, and only then does
 * the verb talk to the API. A bad flag combination therefore fails before any request is made.
 */
import type { Task } from '../kernel/waitable.js';
import type { Invocation } from './command.js';

/** Options, or the text kubectl prints (ending in a newline) when they cannot be built. */
export type Completed<O> = { ok: true; options: O } | { ok: false; error: string };

export interface VerbSteps<O> {
  /** Flags and arguments → options. Reads no cluster state (it may print a warning, as upstream's Complete does). */
  complete(inv: Invocation): Completed<O>;
  /**
   * The end of upstream's Complete that reads the cluster (the resource builder's lookup of the object),
   * for verbs whose Validate runs after that lookup: it fills the options with what it found.
   */
  resolve?(inv: Invocation, options: O): Completed<O>;
  /** Options → the error text kubectl prints, or undefined. Pure. */
  validate(options: O): string | undefined;
  run(inv: Invocation, options: O): Task<number>;
}

export function failed(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** A Command's `run`: complete (and resolve), validate, then run; a failing step prints its error and exits 1. */
export function runSteps<O>(steps: VerbSteps<O>): (inv: Invocation) => Task<number> {
  return function* (inv) {
    let c = steps.complete(inv);
    if (c.ok && steps.resolve) c = steps.resolve(inv, c.options);
    if (!c.ok) {
      inv.err(c.error);
      return 1;
    }
    const invalid = steps.validate(c.options);
    if (invalid !== undefined) {
      inv.err(invalid);
      return 1;
    }
    return yield* steps.run(inv, c.options);
  };
}
