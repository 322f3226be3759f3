import { describe, expect, it } from 'vitest';
import { LazyPart } from '../../lazy/part.js';
import { LazySync } from './lazy-sync.js';

describe('LazySync', () => {
  it('holds keys that come before the part and hands each back once it is there, then syncs with one syncer', () => {
    const part = new LazyPart<{ make: () => { sync(key: string): void } }>('test-sync', undefined);
    const synced: string[] = [];
    let made = 0;
    const lazy = new LazySync(part, (p) => p.make());
    const requeued: string[] = [];
    lazy.run('ns/a', (k) => requeued.push(k));
    lazy.run('ns/b', (k) => requeued.push(k));
    expect(lazy.current).toBeUndefined();
    expect(requeued).toEqual([]);
    part.provide({
      make: () => {
        made++;
        return { sync: (key) => synced.push(key) };
      },
    });
    expect(requeued).toEqual(['ns/a', 'ns/b']);
    for (const k of requeued) lazy.run(k, () => expect.fail('requeued after the part came'));
    expect(synced).toEqual(['ns/a', 'ns/b']);
    expect(made).toBe(1);
    expect(lazy.current).toBeDefined();
  });
});
