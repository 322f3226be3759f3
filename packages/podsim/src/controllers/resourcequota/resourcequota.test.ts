/**
 * ResourceQuota in virtual time: the admission plugin charges and refuses creations, the quota controller
 * counts status.used, and a refused pod shows on its ReplicaSet and Deployment as ReplicaFailure. Expected
 * texts are the kubernetes.io task pages' outputs (website e6bd301: quota-memory-cpu-namespace,
 * quota-pod-namespace, quota-api-object) and the format strings of the 1.32 sources they come from
 * (apiserver admission/plugin/resourcequota controller.go, pkg/quota/v1/evaluator/core/pods.go).
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, ReplicaSet } from '../../api/types.js';
import { DeploymentController } from '../deployment/deployment-controller.js';
import { ReplicaSetController } from '../replicaset/replicaset-controller.js';
import { controllerTestbed, pods, startAll } from '../shared/testing.js';
import { ResourceQuotaController } from './resourcequota-controller.js';

type Quota = KubeObject & { status?: { hard?: Record<string, string>; used?: Record<string, string> } };

function setup() {
  const ctx = controllerTestbed();
  startAll(ctx, [new ReplicaSetController(ctx), new DeploymentController(ctx), new ResourceQuotaController(ctx)]);
  ctx.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'q' } });
  const quota = (name: string, hard: Record<string, string>) => {
    const r = ctx.api.create('resourcequotas', 'q', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard } });
    if (!r.ok) throw new Error(r.status.message);
    ctx.clock.advance(0);
  };
  const status = (name: string) => {
    const r = ctx.api.get<Quota>('resourcequotas', 'q', name);
    return r.ok ? r.value.status : undefined;
  };
  return { ctx, quota, status };
}

const pod = (name: string, resources?: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: `${name}-ctr`, image: 'redis', ...(resources ? { resources } : {}) }] } });

describe('ResourceQuota', () => {
  it('counts requests and limits and refuses the pod that would exceed them (quota-memory-cpu-namespace)', () => {
    const { ctx, quota, status } = setup();
    quota('mem-cpu-demo', { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' });
    expect(status('mem-cpu-demo')?.used).toEqual({ 'limits.cpu': '0', 'limits.memory': '0', 'requests.cpu': '0', 'requests.memory': '0' });
    const first = ctx.api.create('pods', 'q', pod('quota-mem-cpu-demo', { limits: { memory: '800Mi', cpu: '800m' }, requests: { memory: '600Mi', cpu: '400m' } }));
    expect(first.ok).toBe(true);
    expect(status('mem-cpu-demo')).toEqual({
      hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' },
      used: { 'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi' },
    });
    const second = ctx.api.create('pods', 'q', pod('quota-mem-cpu-demo-2', { limits: { memory: '1Gi', cpu: '800m' }, requests: { memory: '700Mi', cpu: '400m' } }));
    expect(second.ok ? undefined : second.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
    });
    expect(ctx.api.get('pods', 'q', 'quota-mem-cpu-demo-2').ok).toBe(false);
  });

  it('makes every container state the quota’d compute resources (the evaluator’s Constraints)', () => {
    const { ctx, quota } = setup();
    quota('mem-cpu-demo', { 'requests.cpu': '1', 'limits.memory': '2Gi' });
    const r = ctx.api.create('pods', 'q', pod('bare', { limits: { memory: '1Gi' } }));
    expect(r.ok ? undefined : r.status.message).toBe('pods "bare" is forbidden: failed quota: mem-cpu-demo: must specify requests.cpu for: bare-ctr');
  });

  it('counts objects by kind and by service type (quota-api-object)', () => {
    const { ctx, quota, status } = setup();
    quota('object-quota-demo', { persistentvolumeclaims: '1', 'services.loadbalancers': '2', 'services.nodeports': '0' });
    expect(status('object-quota-demo')?.used).toEqual({ persistentvolumeclaims: '0', 'services.loadbalancers': '0', 'services.nodeports': '0' });
    const pvc = (name: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } } });
    expect(ctx.api.create('persistentvolumeclaims', 'q', pvc('pvc-quota-demo')).ok).toBe(true);
    const second = ctx.api.create('persistentvolumeclaims', 'q', pvc('pvc-quota-demo-2'));
    expect(second.ok ? undefined : second.status.message).toBe(
      'persistentvolumeclaims "pvc-quota-demo-2" is forbidden: exceeded quota: object-quota-demo, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1',
    );
    const svc = (name: string, type: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, selector: { app: 'x' }, ports: [{ port: 80 }] } });
    const nodePort = ctx.api.create('services', 'q', svc('np', 'NodePort'));
    expect(nodePort.ok ? undefined : nodePort.status.message).toBe('services "np" is forbidden: exceeded quota: object-quota-demo, requested: services.nodeports=1, used: services.nodeports=0, limited: services.nodeports=0');
    expect(ctx.api.create('services', 'q', svc('plain', 'ClusterIP')).ok).toBe(true);
  });

  it('shows a refused pod as ReplicaFailure on the ReplicaSet and the Deployment, and recovers once quota is given back (quota-pod-namespace)', () => {
    const { ctx, quota, status } = setup();
    quota('pod-demo', { pods: '2' });
    expect(status('pod-demo')?.used).toEqual({ pods: '0' });
    const template = { metadata: { labels: { purpose: 'quota-demo' } }, spec: { containers: [{ name: 'pod-quota-demo', image: 'nginx' }] } };
    ctx.api.create('deployments', 'q', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'pod-quota-demo' }, spec: { replicas: 3, selector: { matchLabels: { purpose: 'quota-demo' } }, template } });
    ctx.clock.advance(1000);
    const live = pods(ctx, 'q');
    expect(live).toHaveLength(2);
    expect(status('pod-demo')?.used).toEqual({ pods: '2' });
    const rs = ctx.api.list<ReplicaSet & KubeObject>('replicasets', 'q');
    const rsFailure = rs.ok ? rs.value.items[0].status?.conditions?.find((c) => c.type === 'ReplicaFailure') : undefined;
    expect(rsFailure).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(rsFailure?.message).toMatch(/^pods "pod-quota-demo-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/);
    const dep = () => {
      const d = ctx.api.get<Deployment & KubeObject>('deployments', 'q', 'pod-quota-demo');
      return d.ok ? d.value.status : undefined;
    };
    expect(dep()?.conditions?.find((c) => c.type === 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate', message: rsFailure?.message });
    // An unscheduled pod goes at once: its quota comes back and the set makes its third pod.
    ctx.api.delete('pods', 'q', live[0].metadata.name ?? '');
    ctx.clock.advance(60_000);
    expect(pods(ctx, 'q')).toHaveLength(2);
    ctx.api.patch('resourcequotas', 'q', 'pod-demo', 'merge', { spec: { hard: { pods: '3' } } });
    ctx.clock.advance(20 * 60_000);
    expect(pods(ctx, 'q')).toHaveLength(3);
    expect(status('pod-demo')).toEqual({ hard: { pods: '3' }, used: { pods: '3' } });
    expect(dep()?.conditions?.map((c) => c.type)).not.toContain('ReplicaFailure');
  });
});
