import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { TablePrinter } from './table-printer.js';
import { ago, NOW, pod, running, terminated, waiting } from './fixtures.test-helper.js';
import { tableFor } from './index.js';

const row = (p: KubeObject) => tableFor('pods', [p], { now: NOW }).rows[0].cells;
const status = (p: KubeObject) => row(p)[2];

describe('pod STATUS column (printPod)', () => {
  it('is the phase when nothing more specific is known', () => {
    expect(status(pod('p', { phase: 'Pending', statuses: [] }))).toBe('Pending');
  });
  it('shows the first container (in status order) with a waiting or terminated reason', () => {
    expect(status(pod('p', { statuses: [waiting('a', 'ErrImagePull'), waiting('b', 'ContainerCreating')] }))).toBe('ErrImagePull');
    expect(status(pod('p', { statuses: [running('a'), terminated('b', 1, 'Error')] }))).toBe('Error');
  });
  it('prints ExitCode:n and Signal:n for terminations without a reason', () => {
    expect(status(pod('p', { statuses: [terminated('a', 3)] }))).toBe('ExitCode:3');
    expect(status(pod('p', { statuses: [terminated('a', 137, undefined, 9)] }))).toBe('Signal:9');
  });
  it('turns Completed back into Running or NotReady while another container runs', () => {
    const statuses = [terminated('a', 0, 'Completed'), running('b')];
    expect(status(pod('p', { statuses, conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('Running');
    expect(status(pod('p', { statuses, conditions: [{ type: 'Ready', status: 'False' }] }))).toBe('NotReady');
  });
  it('reports init progress and init failures', () => {
    const initSpec = [{ name: 'i1' }, { name: 'i2' }];
    expect(status(pod('p', { phase: 'Pending', initSpec, init: [waiting('i1', 'PodInitializing'), waiting('i2', 'PodInitializing')], statuses: [waiting('app', 'PodInitializing')] }))).toBe('Init:0/2');
    expect(status(pod('p', { phase: 'Pending', initSpec, init: [terminated('i1', 0, 'Completed'), running('i2', false)], statuses: [waiting('app', 'PodInitializing')] }))).toBe('Init:1/2');
    expect(status(pod('p', { phase: 'Pending', initSpec, init: [terminated('i1', 1, 'Error'), waiting('i2', 'PodInitializing')] }))).toBe('Init:Error');
    expect(status(pod('p', { phase: 'Pending', initSpec, init: [waiting('i1', 'CrashLoopBackOff')] }))).toBe('Init:CrashLoopBackOff');
    expect(status(pod('p', { phase: 'Pending', initSpec, init: [terminated('i1', 2)] }))).toBe('Init:ExitCode:2');
  });
  it('counts started sidecars (restartable init containers) as containers', () => {
    const p = pod('p', { initSpec: [{ name: 'side', restartPolicy: 'Always' }], init: [{ ...running('side'), started: true }], statuses: [running('app')] });
    expect(row(p).slice(1, 3)).toEqual(['2/2', 'Running']);
  });
  it('shows Terminating for deleted pods that are not finished, and SchedulingGated', () => {
    expect(status(pod('p', { statuses: [running('a')], deletion: true }))).toBe('Terminating');
    expect(status(pod('p', { phase: 'Succeeded', statuses: [terminated('a', 0, 'Completed')], deletion: true }))).toBe('Completed');
    expect(status(pod('p', { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))).toBe('SchedulingGated');
  });
});

describe('pod READY and RESTARTS columns', () => {
  it('counts a container ready only while running', () => {
    expect(row(pod('p', { statuses: [running('a'), running('b', false)] }))[1]).toBe('1/2');
  });
  it('shows restarts with the age of the latest container death', () => {
    const a = { ...running('a'), restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(300), startedAt: ago(400) } } };
    const b = { ...running('b'), restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(45), startedAt: ago(100) } } };
    expect(row(pod('p', { statuses: [a, b] }))[3]).toBe('3 (45s ago)');
    expect(row(pod('p', { statuses: [running('a')] }))[3]).toBe('0');
  });
});

describe('table rows', () => {
  const RESOURCES = ['pods', 'deployments', 'replicasets', 'events', 'nodes', 'namespaces', 'services', 'endpoints', 'configmaps', 'secrets', 'serviceaccounts', 'persistentvolumeclaims', 'leases'];
  it('have exactly as many cells as columns for any object shape', () => {
    const meta = fc.record({ name: fc.string(), namespace: fc.option(fc.string(), { nil: undefined }), creationTimestamp: fc.option(fc.constant(ago(5)), { nil: undefined }) });
    const anything = fc.anything({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.constantFrom(...RESOURCES), meta, fc.dictionary(fc.constantFrom('spec', 'status', 'data', 'subsets', 'involvedObject', 'type'), anything), (resource, metadata, rest) => {
        const obj = { apiVersion: 'v1', kind: 'X', metadata, ...rest } as KubeObject;
        let table;
        try {
          table = tableFor(resource, [obj], { now: NOW });
        } catch {
          // arbitrary junk in typed fields (e.g. a number where a list belongs) is out of contract
          return;
        }
        for (const r of table.rows) expect(r.cells).toHaveLength(table.columns.length);
      }),
    );
  });
  it('print 100 pods in well under 5 ms', () => {
    const pods = Array.from({ length: 100 }, (_, i) => pod(`web-7c9d8b5f4-${i}`, { statuses: [running('a'), { ...running('b'), restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(20), startedAt: ago(30) } } }] }));
    // warm the JIT first: the budget is for a shell session that has printed before
    for (let i = 0; i < 50; i++) new TablePrinter({ wide: true }).print(tableFor('pods', pods, { now: NOW }));
    // CPU time of this process, so a machine busy with other work does not fail the test
    const runs = 50;
    const start = process.cpuUsage();
    for (let i = 0; i < runs; i++) new TablePrinter({ wide: true }).print(tableFor('pods', pods, { now: NOW }));
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000 / runs).toBeLessThan(5);
  });
});
