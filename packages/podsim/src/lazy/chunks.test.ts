import { describe, expect, it } from 'vitest';
import '../index.js';
import { LAZY_PART_CHUNKS, loadLazyParts } from '../lazy-parts.js';
import { lazyParts } from './part.js';

describe("the worker's lazy part chunks", () => {
  it('cover every declared part, and each chunk is the module the part bundles in Node', async () => {
    expect(Object.keys(LAZY_PART_CHUNKS).sort()).toEqual([...lazyParts().keys()].sort());
    for (const [name, chunk] of Object.entries(LAZY_PART_CHUNKS)) expect((await chunk()).default, name).toBe(lazyParts().get(name)?.get());
    await expect(loadLazyParts()).resolves.toBeUndefined();
  });
});
