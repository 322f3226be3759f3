/**
 * podsim's imports point one way: down the layer order in layers.ts, which the README's simulator
 * table shows. The site uses podsim only by its package name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS, upwardImports } from './layers.js';

const PKG = join(import.meta.dirname, '../..');
const SRC = join(PKG, 'src');
const REPO = join(PKG, '../..');

function sourceFiles(dir: string, pattern = /\.(ts|mjs)$/): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => f.split('\\').join('/'));
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

describe('layers', () => {
  it('no file of podsim/src imports a folder above its own', () => {
    const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(join(SRC, f))]));
    expect(graph.size).toBeGreaterThan(300);
    expect(upwardImports(graph)).toEqual([]);
  });

  it('every folder and root file of src/ has a place in the order', () => {
    const placed = new Set(LAYERS.flat());
    const entries = readdirSync(SRC).filter((e) => !e.endsWith('.d.ts'));
    expect(entries.filter((e) => !placed.has(e))).toEqual([]);
    expect([...placed].filter((u) => !entries.includes(u))).toEqual([]);
  });

  it('the check finds imports that go up, sideways to a peer, outside src/ or to an unplaced folder', () => {
    const bad = new Map<string, string[]>([
      ['kernel/tty.ts', ['./process.js', '../clock/clock.js', '../host/machine.js']],
      ['kubelet/images.ts', ['../controllers/shared/context.js']],
      ['api/server.ts', ['../../test/support/manifests.js']],
      ['widgets/x.ts', ['../clock/clock.js']],
      ['kubectl/main.ts', ['../gadgets/y.js', 'yaml']],
      ['images/nginx.test.ts', ['../runtime/testing.js']],
    ]);
    expect(upwardImports(bad).map((v) => `${v.file} -> ${v.imports}: ${v.why}`)).toEqual([
      'kernel/tty.ts -> ../host/machine.js: kernel (layer 3) imports host (layer 13), above it',
      'kubelet/images.ts -> ../controllers/shared/context.js: kubelet and controllers are peers in one layer',
      'api/server.ts -> ../../test/support/manifests.js: reaches outside src/',
      'widgets/x.ts -> ../clock/clock.js: widgets has no place in the layer order',
      'kubectl/main.ts -> ../gadgets/y.js: gadgets has no place in the layer order',
    ]);
  });

  it("the README's simulator table lists the same layers, bottom first", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => ({ n: Number(m[1]), units: [...m[2].matchAll(/`([^`/]+)\/?`/g)].map((u) => u[1]) }));
    expect(rows.map((r) => r.n)).toEqual(LAYERS.map((_, i) => i + 1));
    expect(rows.map((r) => r.units)).toEqual(LAYERS);
  });

  it('the site and its tests import podsim by package name only', () => {
    const deep: string[] = [];
    for (const dir of ['src', 'tests']) {
      for (const f of sourceFiles(join(REPO, dir), /\.(ts|mjs|astro)$/)) {
        for (const spec of importsOf(join(REPO, dir, f))) if (spec.includes('packages/podsim')) deep.push(`${dir}/${f}: ${spec}`);
      }
    }
    for (const f of readdirSync(REPO).filter((e) => /\.(ts|mjs|js)$/.test(e))) {
      for (const spec of importsOf(join(REPO, f))) if (spec.includes('packages/podsim')) deep.push(`${f}: ${spec}`);
    }
    expect(deep).toEqual([]);
  });
});
