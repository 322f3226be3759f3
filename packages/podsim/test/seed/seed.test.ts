/**
 * The course's demos replayed through `podsim run` (scripts copied verbatim from the seed notes,
 * files from its YAML blocks), compared with golden transcripts.
 * The transcripts are podsim's own output kept as regression snapshots (see PROVENANCE.md), not an
 * oracle. A missing one fails; rewrite them only on purpose: UPDATE_GOLDENS=1 npx vitest run packages/podsim/test/seed
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDirFiles } from '../../src/cli/files.js';
import { runScript } from '../../src/cli/run-script.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The reader takes a few seconds between commands, as when following the course. */
const THINK_MS = 5000;

/** In `vi container-probes.yaml` the course has the reader point the probes at port 8080. */
const readerEdits = (path: string, content: string) => (path === 'container-probes.yaml' ? content.replaceAll('8081', '8080') : undefined);

/** Ages and generated names change whenever timing details change; compare the rest exactly. */
export function normalise(transcript: string): string {
  return transcript
    .replace(/\b[a-z0-9]+(-[a-z0-9]+)*-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '<pod>')
    .replace(/\b\d+(\.\d+)?(ms|s|m|h|d)(\d+(ms|s|m|h))?\b/g, '<age>')
    .replace(/\(x\d+ over <age>\)/g, '(xN over <age>)');
}

describe('seed demos through podsim run', () => {
  const files = readDirFiles(join(here, 'files'));
  for (const script of readdirSync(here)
    .filter((f) => f.endsWith('.sh'))
    .sort()) {
    it(script, () => {
      const transcript = runScript(readFileSync(join(here, script), 'utf8'), { files, seed: 1, thinkMs: THINK_MS, editor: readerEdits });
      const golden = join(here, script.replace(/\.sh$/, '.txt'));
      if (process.env.UPDATE_GOLDENS === '1') writeFileSync(golden, transcript);
      expect(existsSync(golden), `${golden} is missing (UPDATE_GOLDENS=1 writes it)`).toBe(true);
      expect(normalise(transcript)).toBe(normalise(readFileSync(golden, 'utf8')));
    });
  }
});
