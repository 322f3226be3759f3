/**
 * Server warnings (deprecations, unknown fields with --validate=warn, admission) as kubectl prints them: client-go's
 * warning writer, which kubectl installs for every request with deduplication and with colour on a terminal
 * (`rest.NewWarningWriter`: each text once per command, `Warning:` in bold yellow when stderr is a tty that allows it).
 */
import type { ApiClient, ApiResult } from '../api/types.js';
import type { Proc } from '../kernel/process.js';
import { ttyOf } from '../kernel/tty.js';

const YELLOW = '\u001b[33;1m';
const RESET = '\u001b[0m';

/** The API client a command uses: the same requests, their answers' warnings printed to stderr as they arrive. */
export function printingWarnings(api: ApiClient, proc: Proc, err: (text: string) => void): ApiClient {
  const written = new Set<string>();
  // term.AllowsColorOutput: a terminal, TERM not dumb, NO_COLOR unset.
  const color = !!ttyOf(proc.stderr) && proc.env.TERM !== 'dumb' && proc.env.NO_COLOR === undefined;
  const print = (r: unknown) => {
    const warnings = (r as ApiResult<unknown> | undefined)?.ok ? (r as { warnings?: string[] }).warnings : undefined;
    for (const w of warnings ?? []) {
      if (!w || written.has(w)) continue;
      written.add(w);
      err(color ? `${YELLOW}Warning:${RESET} ${w}\n` : `Warning: ${w}\n`);
    }
  };
  return new Proxy(api, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const r = value.apply(target, args);
        print(r);
        return r;
      };
    },
  });
}
