import { describe, expect, it } from 'vitest';
import { parseFieldSelector, parseLabelSelector, selectorMatches } from './selectors.js';
import type { KubeObject } from './types.js';

function matches(sel: string, labels: Record<string, string>): boolean {
  const p = parseLabelSelector(sel);
  if (!p.ok) throw new Error(p.message);
  return p.matches(labels);
}

describe('label selectors', () => {
  it('supports equality, inequality, set and existence requirements', () => {
    expect(matches('app=web', { app: 'web' })).toBe(true);
    expect(matches('app==web', { app: 'db' })).toBe(false);
    expect(matches('app!=web', {})).toBe(true);
    expect(matches('env in (prod, staging),tier notin (db)', { env: 'prod', tier: 'fe' })).toBe(true);
    expect(matches('env in (prod)', { env: 'dev' })).toBe(false);
    expect(matches('release', { release: '' })).toBe(true);
    expect(matches('!release', { release: 'x' })).toBe(false);
    expect(matches('app.kubernetes.io/name=web', { 'app.kubernetes.io/name': 'web' })).toBe(true);
    expect(matches('', {})).toBe(true);
    expect(matches('n>3', { n: '4' })).toBe(true);
  });

  it('rejects malformed selectors with apimachinery-style messages', () => {
    const bad = (s: string) => {
      const p = parseLabelSelector(s);
      return p.ok ? '' : p.message;
    };
    expect(bad('app=web,')).toBe("unable to parse requirement: found '', expected: identifier");
    expect(bad('env in prod')).toBe("unable to parse requirement: found 'prod', expected: '('");
    expect(bad('app=-x')).toContain('values[0][-x]: Invalid value: "-x": a valid label must be an empty string');
    expect(bad('=x')).toBe("unable to parse requirement: found '=', expected: identifier");
  });

  it('evaluates metav1.LabelSelector objects', () => {
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'web', x: 'y' })).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] }, { tier: 'be' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(selectorMatches({}, { any: 'thing' })).toBe(true);
    expect(selectorMatches(undefined, {})).toBe(false);
  });
});

describe('field selectors', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'node01' }, status: { phase: 'Running' } } as KubeObject;
  const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Started', type: 'Normal' } as KubeObject;
  const m = (s: string, resource: string, o: KubeObject) => {
    const p = parseFieldSelector(s, resource);
    if (!p.ok) throw new Error(p.message);
    return p.matches(o);
  };

  it('matches the fields each resource supports', () => {
    expect(m('spec.nodeName=node01,status.phase!=Pending', 'pods', pod)).toBe(true);
    expect(m('metadata.name==db', 'pods', pod)).toBe(false);
    expect(m('involvedObject.name=web,involvedObject.kind=Pod,type=Normal', 'events', ev)).toBe(true);
    expect(m('reason=Killing', 'events', ev)).toBe(false);
  });

  it('rejects unsupported fields and malformed terms', () => {
    const p = parseFieldSelector('spec.containers=x', 'pods');
    expect(p.ok ? '' : p.message).toBe('field label not supported: spec.containers');
    const q = parseFieldSelector('nonsense', 'pods');
    expect(q.ok ? '' : q.message).toBe("invalid selector: 'nonsense'; can't understand 'nonsense'");
  });
});
