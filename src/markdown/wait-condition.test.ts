import { describe, expect, it } from 'vitest';
import { createSandbox } from 'podsim';
import type { SandboxApi } from 'podsim';
import { conditionHolds, parseCondition, waitFor, waitNote } from './wait-condition.js';

const PORT_CONFLICT = `apiVersion: v1
kind: Pod
metadata:
  name: port-conflict-pod
spec:
  containers:
  - name: web1
    image: nginx
  - name: web2
    image: nginx
`;

async function started(files: Record<string, string>, apply: string): Promise<SandboxApi> {
  const sb = createSandbox({ files, seed: 1 });
  await sb.run(`kubectl apply -f ${apply}`, { maxVirtualMs: 1000 });
  return sb;
}

describe('parseCondition', () => {
  it('reads subjects, containers, operators, bare fields and and-ed clauses', () => {
    expect(parseCondition('pod/a:web2 restarts>=2 and pod/b gone and event/Unhealthy object=pod/h-* count>=3').clauses).toEqual([
      { kind: 'pod', name: 'a', container: 'web2', gone: false, tests: [{ field: 'restarts', op: '>=', value: '2' }] },
      { kind: 'pod', name: 'b', container: undefined, gone: true, tests: [] },
      { kind: 'event', reason: 'Unhealthy', tests: [{ field: 'object', op: '=', value: 'pod/h-*' }, { field: 'count', op: '>=', value: '3' }] },
    ]);
    expect(parseCondition('pod/a ready').clauses[0]).toMatchObject({ tests: [{ field: 'ready', op: '=', value: 'true' }] });
  });

  it('names what is wrong', () => {
    expect(() => parseCondition('deployment/a ready')).toThrow(/not pod\/NAME/);
    expect(() => parseCondition('pod/a')).toThrow(/has no test/);
    expect(() => parseCondition('pod/a exitCode=1')).toThrow(/unknown test "exitCode=1"/);
    expect(() => parseCondition('event/X:c count>1')).toThrow(/no container/);
  });
});

describe('conditions on a simulated cluster', () => {
  it('wait for the port conflict: web2 restarts, not before', async () => {
    const sb = await started({ 'p.yaml': PORT_CONFLICT }, 'p.yaml');
    const restarted = parseCondition('pod/port-conflict-pod:web2 restarts>=2');
    expect(conditionHolds(sb.snapshot(), restarted)).toBe(false);
    const outcome = await waitFor(sb, restarted);
    expect(outcome.held).toBe(true);
    expect(outcome.skippedMs).toBeGreaterThan(5000);
    const web2 = sb.snapshot().pods[0].containers.find((c) => c.name === 'web2')!;
    expect(web2.restarts).toBeGreaterThanOrEqual(2);
    // Whole seconds: it stopped within a second of the moment.
    expect(waitNote(restarted, outcome)).toMatch(/^# \d+ s of cluster time skipped until pod\/port-conflict-pod:web2 restarts>=2$/);
    expect(conditionHolds(sb.snapshot(), parseCondition('event/BackOff object=pod/port-conflict-pod count>=1'))).toBe(true);
  });

  it('say nothing when the condition already holds, and own up when the bound passes', async () => {
    const sb = await started({ 'p.yaml': PORT_CONFLICT }, 'p.yaml');
    const gone = parseCondition('pod/nothing-* gone');
    const none = await waitFor(sb, gone);
    expect(none).toEqual({ skippedMs: 0, held: true });
    expect(waitNote(gone, none)).toBeUndefined();
    const never = parseCondition('pod/port-conflict-pod phase=Succeeded');
    const late = await waitFor(sb, never, 3000);
    expect(late).toEqual({ skippedMs: 3000, held: false });
    expect(waitNote(never, late)).toBe('# 3 s of cluster time skipped, and still not pod/port-conflict-pod phase=Succeeded');
  });

  it('match names with *, statuses and pod readiness', async () => {
    const sb = await started({ 'p.yaml': PORT_CONFLICT }, 'p.yaml');
    expect(conditionHolds(sb.snapshot(), parseCondition('pod/port-* phase=Pending'))).toBe(true);
    expect(conditionHolds(sb.snapshot(), parseCondition('pod/port-* ready'))).toBe(false);
    expect(conditionHolds(sb.snapshot(), parseCondition('pod/port-* ready=false'))).toBe(true);
    expect(conditionHolds(sb.snapshot(), parseCondition('pod/other-* ready=false'))).toBe(false);
  });
});
