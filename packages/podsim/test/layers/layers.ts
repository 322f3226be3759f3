/**
 * podsim's layer order, bottom first, and the check that keeps imports pointing down it. The README's
 * simulator table lists the same layers in the same order (layers.test.ts compares them).
 */
import { posix } from 'node:path';

/** Each entry is one layer: a folder of src/ (or a file at its root), or peers that must not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['clock', 'random', 'lazy', 'version.ts'],
  ['format'],
  ['kernel'],
  ['programs'],
  ['shell'],
  ['images'],
  ['runtime'],
  ['api'],
  ['events', 'tables'],
  ['controllers', 'kubelet'],
  ['cluster'],
  ['kubectl'],
  ['host'],
  ['serve'],
  ['cli'],
  ['index.ts', 'lazy-parts.ts'],
];

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

/** The unit a file of src/ belongs to: its top folder, or itself at the root. */
export function unitOf(srcRelative: string): string {
  return srcRelative.split('/')[0];
}

/**
 * Imports that leave the importer's unit for a unit not strictly below it. `imports` maps each file
 * (relative to src/, posix) to the relative specifiers it imports. Tests are exempt: a test may use a
 * higher layer as its harness (an image's test runs it in the runtime); the shipped code may not.
 */
export function upwardImports(imports: ReadonlyMap<string, readonly string[]>, layers: readonly (readonly string[])[] = LAYERS): Violation[] {
  const rank = new Map<string, number>();
  layers.forEach((units, i) => units.forEach((u) => rank.set(u, i)));
  const out: Violation[] = [];
  for (const [file, specs] of imports) {
    if (file.endsWith('.test.ts')) continue;
    const from = unitOf(file);
    const fromRank = rank.get(from);
    for (const spec of specs) {
      if (!spec.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      if (target.startsWith('..')) {
        out.push({ file, imports: spec, why: 'reaches outside src/' });
        continue;
      }
      const to = unitOf(target.replace(/\.js$/, '.ts'));
      if (to === from) continue;
      const toRank = rank.get(to);
      if (fromRank === undefined) out.push({ file, imports: spec, why: `${from} has no place in the layer order` });
      else if (toRank === undefined) out.push({ file, imports: spec, why: `${to} has no place in the layer order` });
      else if (toRank === fromRank) out.push({ file, imports: spec, why: `${from} and ${to} are peers in one layer` });
      else if (toRank > fromRank) out.push({ file, imports: spec, why: `${from} (layer ${fromRank + 1}) imports ${to} (layer ${toRank + 1}), above it` });
    }
  }
  return out;
}
