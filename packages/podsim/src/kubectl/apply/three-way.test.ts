import { describe, expect, it } from 'vitest';
import { threeWayPatch } from './three-way.js';
import { withLastApplied, LAST_APPLIED } from './last-applied.js';

describe('three-way strategic merge patch of kubectl apply', () => {
  const original = { spec: { containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }] }], restartPolicy: 'Never' }, metadata: { labels: { app: 'a', old: 'y' } } };

  it('is empty when nothing changed, whatever the server added', () => {
    const live = { ...structuredClone(original), status: { phase: 'Running' }, metadata: { labels: { app: 'a', old: 'y' }, uid: 'u' } };
    expect(threeWayPatch(original, original, live)).toEqual({});
  });

  it('changes fields, deletes what the last manifest had and the new one dropped, keeps others', () => {
    const modified = { spec: { containers: [{ name: 'a', image: 'x:2' }] }, metadata: { labels: { app: 'a' } } };
    const live = { ...structuredClone(original), metadata: { labels: { app: 'a', old: 'y', added: 'by-controller' } } };
    expect(threeWayPatch(original, modified, live)).toEqual({
      spec: { containers: [{ name: 'a', ports: null, image: 'x:2' }], restartPolicy: null },
      metadata: { labels: { old: null } },
    });
  });

  it('merges lists by key: new elements whole, removed ones with $patch: delete', () => {
    const modified = { spec: { containers: [{ name: 'b', image: 'y' }] } };
    expect(threeWayPatch({ spec: { containers: [{ name: 'a', image: 'x' }] } }, modified, { spec: { containers: [{ name: 'a', image: 'x' }] } })).toEqual({
      spec: { containers: [{ name: 'a', $patch: 'delete' }, { name: 'b', image: 'y' }] },
    });
  });

  it('replaces lists without a merge key', () => {
    expect(threeWayPatch({ spec: { args: ['a'] } }, { spec: { args: ['b'] } }, { spec: { args: ['a'] } })).toEqual({ spec: { args: ['b'] } });
  });

  it('records the manifest as compact sorted JSON with a newline and an empty annotations map', () => {
    const obj = withLastApplied({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', namespace: 'default' }, spec: { containers: [{ name: 'c', image: '<i>' }] } });
    expect((obj.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x","namespace":"default"},"spec":{"containers":[{"image":"\\u003ci\\u003e","name":"c"}]}}\n',
    );
  });
});
