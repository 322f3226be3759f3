/** Cells from upstream pkg/printers/internalversion/printers_test.go TestPrintJob / TestPrintJobList (1.32). */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { ago, NOW } from './fixtures.test-helper.js';
import { tableFor } from './index.js';
import type { Any } from '../api/objects.js';

const containers = [
  { name: 'fake-job-container1', image: 'fake-job-image1' },
  { name: 'fake-job-container2', image: 'fake-job-image2' },
];

function job(name: string, spec: Any, status: Any = {}, meta: Any = {}): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, creationTimestamp: ago(0), ...meta }, spec, status } as KubeObject;
}

const cells = (o: KubeObject) => tableFor('jobs', [o], { now: NOW }).rows[0].cells;
const narrow = (o: KubeObject) => cells(o).slice(0, 5);
const cond = (type: string) => ({ conditions: [{ type, status: 'True' }] });

describe('jobs table', () => {
  it('prints the upstream TestPrintJob rows', () => {
    const withTemplate = job('job1', { completions: 2, template: { spec: { containers } }, selector: { matchLabels: { 'job-label': 'job-label-value' } } }, { succeeded: 1 });
    expect(narrow(withTemplate)).toEqual(['job1', 'Running', '1/2', '', '0s']);
    expect(cells(withTemplate)).toEqual(['job1', 'Running', '1/2', '', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value']);
    const tenYears = new Date(NOW);
    tenYears.setUTCFullYear(tenYears.getUTCFullYear() - 10);
    const old = tenYears.toISOString().replace('.000Z', 'Z');
    expect(narrow(job('job2', {}, {}, { creationTimestamp: old }))).toEqual(['job2', 'Running', '0/1', '', '10y']);
    expect(narrow(job('job3', {}, { startTime: ago(-60), completionTime: ago(-31 * 60) }, { creationTimestamp: ago(10 * 365 * 86400) }))).toEqual(['job3', 'Running', '0/1', '30m', '10y']);
    expect(narrow(job('job4', {}, { startTime: ago(20 * 60) }, { creationTimestamp: ago(10 * 365 * 86400) }))).toEqual(['job4', 'Running', '0/1', '20m', '10y']);
    expect(narrow(job('job5', {}, cond('Complete')))).toEqual(['job5', 'Complete', '0/1', '', '0s']);
    expect(narrow(job('job6', {}, cond('Failed')))).toEqual(['job6', 'Failed', '0/1', '', '0s']);
    expect(narrow(job('job7', {}, cond('Suspended')))).toEqual(['job7', 'Suspended', '0/1', '', '0s']);
    expect(narrow(job('job8', {}, cond('FailureTarget')))).toEqual(['job8', 'FailureTarget', '0/1', '', '0s']);
    expect(narrow(job('job9', {}, {}, { deletionTimestamp: ago(0) }))).toEqual(['job9', 'Terminating', '0/1', '', '0s']);
  });

  it('prints a work-queue job as N/1 of parallelism (printJob)', () => {
    expect(narrow(job('queue', { parallelism: 3 }, { succeeded: 1 }))).toEqual(['queue', 'Running', '1/1 of 3', '', '0s']);
    expect(tableFor('jobs', [], { now: NOW }).columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
  });

  it('prints cronjobs with <none> for an unset time zone and last schedule (printCronJob)', () => {
    const cj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', creationTimestamp: ago(90) }, spec: { schedule: '* * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers } } } } }, status: {} } as KubeObject;
    expect(tableFor('cronjobs', [cj], { now: NOW }).rows[0].cells.slice(0, 7)).toEqual(['hello', '* * * * *', '<none>', 'False', '0', '<none>', '90s']);
  });
});
