/**
 * cordon, uncordon and drain. Expected texts: the real kubectl 1.32 against `podsim serve` (cordon and
 * uncordon lines, `already cordoned`, the usage, selector and resource-type errors, a drain refused for
 * a pod without controller, `--dry-run=client`), and for the eviction path, which the real kubectl could
 * not drive here, pkg/drain/drain.go's own lines (`evicting pod NS/NAME`, `pod/NAME evicted`, `node/NAME drained`)
 * and the apiserver's DisruptionTarget condition (pkg/registry/core/pod/storage/eviction.go).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, Node, Pod } from '../../../api/types.js';
import { hostWithCluster } from '../../testing.js';

/** The kube-proxy pod kubeadm's DaemonSet runs on every node: a drain names it unless told to ignore DaemonSets. */
const ignored = (cluster: ReturnType<typeof hostWithCluster>['cluster'], node: string) => {
  const l = cluster.api.list<Pod & KubeObject>('pods', 'kube-system');
  const proxy = (l.ok ? l.value.items : []).find((p) => p.spec?.nodeName === node && p.metadata.name?.startsWith('kube-proxy-'));
  return `Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy?.metadata.name}\n`;
};

const bare = (name: string, node: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] } });

describe('kubectl cordon and uncordon', () => {
  it('marks nodes unschedulable and back, saying when nothing changed', () => {
    const { host, cluster } = hostWithCluster();
    expect(host.run(['cordon', 'node01'])).toEqual({ code: 0, stdout: 'node/node01 cordoned\n', stderr: '' });
    expect(host.run(['cordon', 'node01']).stdout).toBe('node/node01 already cordoned\n');
    expect(host.run(['get', 'node', 'node01']).stdout).toMatch(/^node01 +Ready,SchedulingDisabled +<none> /m);
    expect(host.run(['uncordon', 'nodes/node01', 'node02']).stdout).toBe('node/node01 uncordoned\nnode/node02 already uncordoned\n');
    const n = cluster.api.get<Node & KubeObject>('nodes', undefined, 'node01');
    expect(n.ok && n.value.spec?.unschedulable).toBeFalsy();
    expect(host.run(['cordon', '-l', 'kubernetes.io/hostname=node02', '--dry-run=client']).stdout).toBe('node/node02 cordoned (dry run)\n');
    expect(host.run(['get', 'node', 'node02']).stdout).toMatch(/^node02 +Ready +<none> /m);
  });

  it('answers bad arguments as kubectl does', () => {
    const { host } = hostWithCluster();
    expect(host.run(['cordon'])).toEqual({ code: 1, stdout: '', stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n" });
    expect(host.run(['cordon', 'nope']).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(host.run(['cordon', 'pod/web']).stderr).toBe('error: expected resource of type node, got "/v1, Resource=pods"\n');
    expect(host.run(['uncordon', 'nodes/']).stderr).toBe('error: arguments in resource/name form must have a single resource and name\n');
    expect(host.run(['cordon', 'node01', '-l', 'a=b']).stderr).toBe("error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n");
  });
});

describe('kubectl drain', () => {
  it('cordons, then refuses a pod without a controller unless --force', () => {
    const { host, cluster } = hostWithCluster();
    cluster.api.create('pods', 'default', bare('web', 'node01'));
    expect(host.run(['drain', 'node01', '--ignore-daemonsets'])).toEqual({
      code: 1,
      stdout: 'node/node01 cordoned\n',
      stderr:
        'error: unable to drain node "node01" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/web, continuing command...\n' +
        'There are pending nodes to be drained:\n node01\ncannot delete cannot delete Pods that declare no controller (use --force to override): default/web\n',
    });
    const r = host.run(['drain', 'node01', '--force', '--grace-period=0', '--ignore-daemonsets']);
    // drain.go's Warnings() joins its messages in a Go map's order.
    expect(r.stderr.trimEnd().replace(/^Warning: /, '').split('; ').sort()).toEqual(['deleting Pods that declare no controller: default/web', ignored(cluster, 'node01').trimEnd().replace(/^Warning: /, '')]);
    expect(r.stdout).toBe('node/node01 already cordoned\nevicting pod default/web\npod/web evicted\nnode/node01 drained\n');
    expect(r.code).toBe(0);
    expect(cluster.api.get('pods', 'default', 'web').ok).toBe(false);
  });

  it('evicts controlled pods with the DisruptionTarget condition; their controller makes new ones on other nodes', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
    cluster.advance(30_000);
    const onNode = () => {
      const l = cluster.api.list<Pod & KubeObject>('pods', 'default');
      return l.ok ? l.value.items.filter((p) => p.spec?.nodeName === 'node01') : [];
    };
    const victim = onNode()[0];
    expect(victim).toBeDefined();
    const seen: string[] = [];
    cluster.api.watch<Pod & KubeObject>('pods', 'default', (ev) => {
      const c = ev.object.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
      if (c && ev.object.metadata.name === victim.metadata.name) seen.push(`${c.status} ${c.reason} ${c.message}`);
    });
    expect(host.run(['drain', 'node01', '--dry-run=client', '--ignore-daemonsets']).stdout).toBe(`node/node01 cordoned (dry run)\nevicting pod default/${victim.metadata.name} (dry run)\nnode/node01 drained (dry run)\n`);
    const r = host.run(['drain', 'node01', '--ignore-daemonsets']);
    expect(r.stdout).toBe(`node/node01 cordoned\nevicting pod default/${victim.metadata.name}\npod/${victim.metadata.name} evicted\nnode/node01 drained\n`);
    expect(seen[0]).toBe('True EvictionByEvictionAPI Eviction API: evicting');
    cluster.advance(30_000);
    expect(onNode()).toEqual([]);
    expect(host.run(['get', 'deploy', 'web']).stdout).toMatch(/^web +3\/3 /m);
  });

  it('retries an eviction a budget refuses every 5 s until the global timeout, then names the pending pods', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
    host.run(['create', 'pdb', 'web-pdb', '--selector=app=web', '--min-available=3']);
    cluster.advance(30_000);
    const l = cluster.api.list<Pod & KubeObject>('pods', 'default');
    const victim = (l.ok ? l.value.items : []).find((p) => p.spec?.nodeName === 'node01')?.metadata.name ?? '';
    const started = cluster.clock.now();
    const r = host.run(['drain', 'node01', '--timeout=12s', '--ignore-daemonsets'], { maxMs: 60_000 });
    const evicting = `evicting pod default/${victim}\n`;
    const refused = `error when evicting pods/"${victim}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timedOut = `error when evicting pods/"${victim}" -n "default": global timeout reached: 12s`;
    expect(r.code).toBe(1);
    // Attempts at 0, 5 and 10 s are refused; the one at 15 s finds the deadline passed.
    expect(r.stdout).toBe(`node/node01 cordoned\n${evicting.repeat(4)}`);
    expect(r.stderr).toBe(
      ignored(cluster, 'node01') +
        refused.repeat(3) +
        `There are pending pods in node "node01" when an error occurred: ${timedOut}\npod/${victim}\n` +
        `error: unable to drain node "node01" due to error: ${timedOut}, continuing command...\n` +
        `There are pending nodes to be drained:\n node01\n${timedOut}\n`,
    );
    expect(cluster.clock.now() - started).toBeGreaterThanOrEqual(15_000);
  });

  it('goes on once the budget allows the eviction', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
    host.run(['create', 'pdb', 'web-pdb', '--selector=app=web', '--max-unavailable=1']);
    cluster.advance(30_000);
    const r = host.run(['drain', 'node01', '--ignore-daemonsets'], { maxMs: 60_000 });
    expect(r.stdout).toMatch(/^node\/node01 cordoned\nevicting pod default\/web-\S+\npod\/web-\S+ evicted\nnode\/node01 drained\n$/);
    expect(host.run(['get', 'pdb']).stdout).toMatch(/^NAME +MIN AVAILABLE +MAX UNAVAILABLE +ALLOWED DISRUPTIONS +AGE\nweb-pdb +N\/A +1 +0 +/);
  });
});
