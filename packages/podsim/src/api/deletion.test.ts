import { describe, expect, it } from 'vitest';
import { failure, must, newServer, pod } from './testing.js';
import type { WatchEvent } from './types.js';
import type { Any } from './objects.js';

function scheduledPod(grace?: number) {
  const env = newServer();
  const spec: Any = { containers: [{ name: 'c', image: 'busybox' }] };
  if (grace !== undefined) spec.terminationGracePeriodSeconds = grace;
  must(env.api.create('pods', 'default', { metadata: { name: 'web' }, spec }));
  must(env.api.bind('default', 'web', 'node01'));
  return env;
}

describe('pod deletion', () => {
  it('deletes unscheduled pods at once, recording the deletion mark first (MODIFIED, then DELETED)', () => {
    const { api, clock } = newServer();
    must(api.create('pods', 'default', pod('web')));
    const events: string[] = [];
    api.watch('pods', 'default', (ev: WatchEvent) => events.push(`${ev.type} ${ev.object.metadata?.deletionTimestamp} ${ev.object.metadata?.deletionGracePeriodSeconds}`));
    const last = must(api.delete('pods', 'default', 'web'));
    expect(last.metadata.deletionTimestamp).toBe('2026-11-27T09:00:00Z');
    expect(api.get('pods', 'default', 'web').ok).toBe(false);
    clock.flush();
    expect(events).toEqual(['MODIFIED 2026-11-27T09:00:00Z 0', 'DELETED 2026-11-27T09:00:00Z 0']);
  });

  it('marks bound pods for graceful deletion and waits for the kubelet', () => {
    const { api, clock } = scheduledPod();
    const events: string[] = [];
    api.watch('pods', 'default', (ev: WatchEvent) => events.push(ev.type));
    clock.advance(5000);
    const marked = must(api.delete('pods', 'default', 'web'));
    expect(marked.metadata.deletionTimestamp).toBe('2026-11-27T09:00:35Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(must(api.get('pods', 'default', 'web')).metadata.deletionTimestamp).toBe('2026-11-27T09:00:35Z');
    must(api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 }));
    expect(api.get('pods', 'default', 'web').ok).toBe(false);
    clock.flush();
    // The kubelet's final delete shortens the grace to 0 (one more MODIFIED), then the object goes: the
    // last two of the classic four `Terminating` lines of `kubectl get pods -w`.
    expect(events).toEqual(['MODIFIED', 'MODIFIED', 'DELETED']);
  });

  it('uses the grace period from options, then the spec', () => {
    expect(must(scheduledPod(5).api.delete('pods', 'default', 'web')).metadata.deletionGracePeriodSeconds).toBe(5);
    expect(must(scheduledPod(5).api.delete('pods', 'default', 'web', { gracePeriodSeconds: 1 })).metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it('shortens but never lengthens the grace of a pod already terminating', () => {
    const { api, clock } = scheduledPod();
    must(api.delete('pods', 'default', 'web'));
    clock.advance(10_000);
    const shorter = must(api.delete('pods', 'default', 'web', { gracePeriodSeconds: 5 }));
    expect(shorter.metadata.deletionTimestamp).toBe('2026-11-27T09:00:05Z');
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
    const again = must(api.delete('pods', 'default', 'web', { gracePeriodSeconds: 20 }));
    expect(again).toBe(shorter);
  });

  it('force-deletes with grace 0 even while running; watchers see it Terminating before it goes', () => {
    const { api, clock } = scheduledPod();
    const events: string[] = [];
    api.watch('pods', 'default', (ev: WatchEvent) => events.push(`${ev.type} ${ev.object.metadata?.deletionGracePeriodSeconds}`));
    must(api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 }));
    expect(failure(api.get('pods', 'default', 'web')).reason).toBe('NotFound');
    clock.flush();
    expect(events).toEqual(['MODIFIED 0', 'DELETED 0']);
  });

  it('deletes finished pods at once', () => {
    const { api } = scheduledPod();
    const p = structuredClone(must(api.get('pods', 'default', 'web')));
    p.status = { phase: 'Succeeded' };
    must(api.updateStatus('pods', 'default', p));
    must(api.delete('pods', 'default', 'web'));
    expect(api.get('pods', 'default', 'web').ok).toBe(false);
  });
});

describe('other deletions', () => {
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } };

  it('removes other kinds at once with Background propagation', () => {
    const { api } = newServer();
    must(api.create('deployments', 'default', deploy));
    must(api.delete('deployments', 'default', 'web', { propagationPolicy: 'Background' }));
    expect(failure(api.get('deployments', 'default', 'web')).message).toBe('deployments.apps "web" not found');
  });

  it('keeps foreground/orphan deletions until the finalizer is removed', () => {
    const { api } = newServer();
    must(api.create('deployments', 'default', deploy));
    const d = must(api.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' }));
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBe('2026-11-27T09:00:00Z');
    expect(d.metadata.generation).toBe(2);
    must(api.patch('deployments', 'default', 'web', 'merge', { metadata: { finalizers: null } }));
    expect(api.get('deployments', 'default', 'web').ok).toBe(false);
  });

  it('dry-run delete keeps the object', () => {
    const { api } = newServer();
    must(api.create('configmaps', 'default', { metadata: { name: 'c' } }));
    must(api.delete('configmaps', 'default', 'c', { dryRun: true }));
    expect(api.get('configmaps', 'default', 'c').ok).toBe(true);
  });

  it('terminates a namespace: content first, then the namespace', () => {
    const { api } = newServer();
    must(api.create('namespaces', undefined, { metadata: { name: 'dev' } }));
    must(api.create('pods', 'dev', pod('a')));
    must(api.bind('dev', 'a', 'node01'));
    const ns = must(api.delete('namespaces', undefined, 'dev'));
    expect(ns.status).toEqual({ phase: 'Terminating' });
    expect(failure(api.create('configmaps', 'dev', { metadata: { name: 'x' } })).message).toBe(
      'configmaps "x" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
    expect(api.get('namespaces', undefined, 'dev').ok).toBe(true);
    must(api.delete('pods', 'dev', 'a', { gracePeriodSeconds: 0 }));
    expect(api.get('namespaces', undefined, 'dev').ok).toBe(false);
    expect(failure(api.delete('namespaces', undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
