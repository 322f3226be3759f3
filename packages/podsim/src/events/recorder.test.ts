import { describe, expect, it } from 'vitest';
import { must, newServer, pod } from '../api/testing.js';
import { EVENT_TTL_MS } from '../api/kinds/core.js';
import { EventRecorder } from './recorder.js';

describe('EventRecorder', () => {
  it('creates events shaped like client-go and names them <object>.<hex nanos>', () => {
    const { api, clock } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const rec = new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' });
    rec.event(p, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', 'spec.containers{app}');
    const [ev] = must(api.list('events', 'default')).items;
    expect(ev.metadata.name).toBe(`web.${(BigInt(clock.now()) * 1_000_000n).toString(16)}`);
    expect(ev.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(ev).toMatchObject({
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: p.metadata.uid, apiVersion: 'v1', resourceVersion: p.metadata.resourceVersion, fieldPath: 'spec.containers{app}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx:1.27"',
      source: { component: 'kubelet', host: 'node01' },
      firstTimestamp: '2026-11-27T09:00:00Z',
      lastTimestamp: '2026-11-27T09:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'node01',
    });
    expect(Object.keys(ev.involvedObject as object)).toEqual(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']);
  });

  it('dedupes identical events by bumping count and lastTimestamp', () => {
    const { api, clock } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const rec = new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' });
    rec.event(p, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(x)', 'spec.containers{app}');
    clock.advance(10_000);
    rec.event(p, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(x)', 'spec.containers{app}');
    clock.advance(20_000);
    rec.event(p, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(x)', 'spec.containers{app}');
    rec.event(p, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(x)', 'spec.containers{other}');
    const items = must(api.list('events', 'default')).items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ count: 3, firstTimestamp: '2026-11-27T09:00:00Z', lastTimestamp: '2026-11-27T09:00:30Z' });
    expect(items[1]).toMatchObject({ count: 1 });
  });

  it('keeps names distinct and chronological for events in the same instant from different recorders', () => {
    const { api, clock } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    new EventRecorder(api, clock, { component: 'default-scheduler' }).event(p, 'Normal', 'Scheduled', 'Successfully assigned default/web to node01');
    new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' }).event(p, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"');
    expect(must(api.list('events', 'default')).items.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling']);
    const sched = must(api.list('events', 'default')).items[0];
    expect(sched.source).toEqual({ component: 'default-scheduler' });
  });

  it('expires events one hour after their last write and starts over afterwards', () => {
    const { api, clock } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const rec = new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' });
    rec.event(p, 'Normal', 'Started', 'Started container app');
    clock.advance(30 * 60_000);
    rec.event(p, 'Normal', 'Started', 'Started container app');
    clock.advance(EVENT_TTL_MS - 1000);
    expect(must(api.list('events', 'default')).items).toHaveLength(1);
    clock.advance(1000);
    expect(must(api.list('events', 'default')).items).toHaveLength(0);
    rec.event(p, 'Normal', 'Started', 'Started container app');
    expect(must(api.list('events', 'default')).items.map((e) => e.count)).toEqual([1]);
  });

  it('combines similar events after 10 different messages within 10 minutes', () => {
    const { api, clock } = newServer();
    const p = must(api.create('pods', 'default', pod('web')));
    const rec = new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' });
    for (let i = 0; i < 12; i++) {
      rec.event(p, 'Warning', 'Unhealthy', `Readiness probe failed: attempt ${i}`);
      clock.advance(1000);
    }
    const items = must(api.list('events', 'default')).items;
    expect(items).toHaveLength(10);
    expect(items[9]).toMatchObject({ message: '(combined from similar events): Readiness probe failed: attempt 11', count: 3 });
  });

  it('records cluster-scoped objects in the default namespace and never throws on odd input', () => {
    const { api, clock } = newServer();
    const rec = new EventRecorder(api, clock, { component: 'kubelet', host: 'node01' });
    rec.event({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01', uid: 'node01' } }, 'Normal', 'Starting', 'Starting kubelet.');
    expect(must(api.list('events', 'default')).items[0].involvedObject).toEqual({ kind: 'Node', name: 'node01', uid: 'node01', apiVersion: 'v1' });
    expect(() => rec.event(undefined as never, 'Normal', 'X', 'y')).not.toThrow();
  });
});
