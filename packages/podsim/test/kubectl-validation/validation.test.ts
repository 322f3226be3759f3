/**
 * Bad flag and argument combinations fail in a verb's complete/validate steps, before the cluster is
 * touched, with the real kubectl v1.32's exact text and exit code (expected.json, recorded by
 * generate.ts from the upstream binary). The API and the pod streams here throw on any call and log it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiClient, PodStreams } from '../../src/api/types.js';
import { Clock } from '../../src/clock/clock.js';
import { KubectlHost } from '../../src/kubectl/testing.js';
import { parseCases } from './cases.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Case {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
  discovery?: boolean;
}

const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as { source: string; cases: Case[] };

/** An object whose every method records its name and throws. */
function untouchable<T extends object>(calls: string[], what: string): T {
  return new Proxy({} as T, {
    get: (_, name) => () => {
      calls.push(`${what}.${String(name)}`);
      throw new Error(`${what}.${String(name)} called`);
    },
  });
}

describe('kubectl rejects bad flag combinations before touching the cluster', () => {
  it('expected.json was generated from the current cases.txt', () => {
    expect(expected.cases.map((c) => c.args)).toEqual(parseCases(readFileSync(join(here, 'cases.txt'), 'utf8')));
  });

  for (const c of expected.cases) {
    it(`kubectl ${c.args.join(' ')}`, () => {
      const calls: string[] = [];
      const host = new KubectlHost(new Clock(), untouchable<ApiClient>(calls, 'api'), { streams: untouchable<PodStreams>(calls, 'streams') });
      const r = host.run(c.args);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr, calls }).toEqual({ code: c.code, stdout: c.stdout, stderr: c.stderr, calls: [] });
    });
  }
});
