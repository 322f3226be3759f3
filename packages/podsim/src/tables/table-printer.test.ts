import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { tableFor } from './index.js';
import { NOW, pod, running } from './fixtures.test-helper.js';
import { printTables, TablePrinter } from './table-printer.js';

const pods = (...list: KubeObject[]) => tableFor('pods', list, { now: NOW });
const a = pod('a', { statuses: [running('app')], labels: { tier: 'fe', app: 'web' } });
const b = pod('b', { statuses: [running('app')], namespace: 'kube-system' });

describe('TablePrinter decorations', () => {
  it('adds NAMESPACE first, -L label columns, and LABELS last', () => {
    const out = new TablePrinter({ withNamespace: true, labelColumns: ['app', 'app.kubernetes.io/name'], showLabels: true }).print(pods(a, b));
    expect(out).toBe(
      'NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE   APP   NAME   LABELS\n' +
        'default       a      1/1     Running   0          60s   web          app=web,tier=fe\n' +
        'kube-system   b      1/1     Running   0          60s                <none>\n',
    );
  });
  it('prints nothing at all for an empty table, and no header with --no-headers', () => {
    expect(new TablePrinter().print(pods())).toBe('');
    expect(new TablePrinter({ noHeaders: true }).print(pods(a))).toBe('a     1/1   Running   0     60s\n');
  });
  it('shows priority columns only with -o wide', () => {
    const narrow = new TablePrinter().print(pods(a)).split('\n')[0];
    const wide = new TablePrinter({ wide: true }).print(pods(a)).split('\n')[0];
    expect(narrow).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(wide).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES');
  });
  it('prepends the padded EVENT column with --output-watch-events and prints the header once', () => {
    const p = new TablePrinter({ watchEvents: true });
    expect(p.print(pods(a), 'ADDED')).toBe('EVENT      NAME   READY   STATUS    RESTARTS   AGE\nADDED      a      1/1     Running   0          60s\n');
    expect(p.print(pods(a), 'DELETED')).toBe('DELETED    a      1/1     Running   0          60s\n');
  });
  it('cuts multi-line cells and escapes control characters', () => {
    const weird = pod('x\x1b[0m', { statuses: [running('app')] });
    expect(new TablePrinter({ noHeaders: true }).print(pods(weird))).toBe('x^[[0m   1/1   Running   0     60s\n');
  });
});

describe('printTables (kubectl get all)', () => {
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: '2026-11-26T10:00:00Z' },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] },
  } as KubeObject;
  it('prefixes names with the kind, separates groups by a blank line and does not share widths', () => {
    const out = printTables(
      [
        { kind: 'pod', table: pods(a) },
        { kind: 'service', table: tableFor('services', [svc], { now: NOW }) },
        { kind: 'deployment.apps', table: tableFor('deployments', [], { now: NOW }) },
      ],
      {},
    );
    expect(out).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\npod/a   1/1     Running   0          60s\n\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   24h\n',
    );
  });
  it('does not prefix names when only one kind is listed', () => {
    expect(printTables([{ kind: 'pod', table: pods(a) }], { noHeaders: true })).toBe('a     1/1   Running   0     60s\n');
  });
});
