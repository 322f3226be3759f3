/**
 * Reading a tag as the official images name them: `<version>-<variant>` (`1.25.3-alpine3.18`,
 * `3.12-slim-bookworm`, `16`), or a bare alias (`latest`, `bookworm`, `alpine`, `lts`).
 */
import { catalogueTags } from '../catalogue/catalogue.js';

export interface TagParts {
  /** Leading dotted number (`v` dropped), '' for an alias. */
  version: string;
  /** The rest without its leading dash: `alpine3.18`, `slim-bookworm`, `perl`, or the alias itself. */
  variant: string;
}

export function splitTag(tag: string): TagParts {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(.*))?$/.exec(tag);
  return m ? { version: m[1], variant: m[2] ?? '' } : { version: '', variant: tag };
}

const numeric = (v: string) => v.split('.').map(Number);

export function compareVersions(a: string, b: string): number {
  const x = numeric(a);
  const y = numeric(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** `a` is at least `b` (missing parts of `a` count as zero: 1.19 ≥ 1.19.0). */
export const atLeast = (a: string, b: string) => compareVersions(`${a}.0.0.0`.split('.').slice(0, 4).join('.'), `${b}.0.0.0`.split('.').slice(0, 4).join('.')) >= 0;

/**
 * The full version a partial one stands for: `1.14` → the newest `1.14.x` the repository published
 * (what the floating tag pointed to last), `fallback` for an alias.
 */
export function fullVersion(repository: string, version: string, fallback: string): string {
  if (version === '') return fallback;
  let best = version;
  for (const t of catalogueTags(repository) ?? []) {
    if (/^\d+(\.\d+)*$/.test(t) && t.startsWith(`${version}.`) && compareVersions(t, best) > 0) best = t;
  }
  return best;
}

/** Which userland a tag runs on. */
export function baseOf(variant: string): 'alpine' | 'debian' {
  return /(^|-)alpine/.test(variant) ? 'alpine' : 'debian';
}
