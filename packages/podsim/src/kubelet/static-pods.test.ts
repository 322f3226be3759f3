import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../api/types.js';
import { FileSystem } from '../kernel/fs.js';
import { KUBEADM_KUBELET_CONFIG } from './node-files.js';
import { NODE, testNode } from './testkit.js';

/** The page's example (tasks/configure-pod-container/static-pod): what the reader writes on the node. */
const STATIC_WEB = `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - name: web
          containerPort: 80
          protocol: TCP
`;

function setup() {
  const n = testNode();
  const fs = new FileSystem(() => n.clock.now(), n.kubelet.root);
  const mirror = () => n.pod(`static-web-${NODE}`) as (Pod & KubeObject) | undefined;
  return { n, fs, mirror };
}

describe('static pods (the kubelet file source)', () => {
  it('a kubeadm node has the kubelet config naming the manifest folder, and the folder', () => {
    const { fs } = setup();
    expect(fs.readFile('/var/lib/kubelet/config.yaml')).toBe(KUBEADM_KUBELET_CONFIG);
    expect(fs.readFile('/var/lib/kubelet/config.yaml')).toContain('staticPodPath: /etc/kubernetes/manifests\n');
    expect(fs.readdir('/etc/kubernetes/manifests')).toEqual([]);
  });

  it('a manifest dropped in the folder is a mirror pod at once (the folder is watched), Running within the 20 s period', () => {
    const { n, fs, mirror } = setup();
    n.advance(1);
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    n.clock.flush();
    expect(mirror()).toBeDefined();
    n.until(() => mirror()?.status?.phase === 'Running', 60);
    const m = mirror()!;
    const hash = m.metadata.annotations?.['kubernetes.io/config.hash'];
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(m.metadata.annotations).toMatchObject({ 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.seen': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/) });
    expect(m.metadata.uid).not.toBe(hash);
    expect(m.metadata.labels).toEqual({ role: 'myrole' });
    const node = n.api.get('nodes', undefined, NODE);
    expect(m.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: NODE, uid: node.ok ? node.value.metadata.uid : '', controller: true }]);
    expect(m.spec?.nodeName).toBe(NODE);
    // Static pods tolerate every NoExecute taint; the API gives mirror pods no service account.
    expect(m.spec?.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    expect(m.spec?.serviceAccountName).toBeUndefined();
    expect(m.spec?.volumes).toBeUndefined();
    expect(m.status?.containerStatuses?.[0]).toMatchObject({ name: 'web', ready: true, restartCount: 0 });
  });

  it('a folder made anew (its watch gone) is listed again within the 20 s period', () => {
    const { n, fs, mirror } = setup();
    n.advance(1);
    fs.remove('/etc/kubernetes/manifests', true);
    fs.mkdir('/etc/kubernetes/manifests');
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    n.clock.flush();
    expect(mirror()).toBeUndefined();
    // The kubelet listed the folder as it started (t=0): the next listing is at t=20.
    n.advance(19);
    expect(mirror()).toBeDefined();
  });

  it('a restarted kubelet lists the folder at once', () => {
    const { n, fs, mirror } = setup();
    n.advance(2);
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    n.kubelet.restart();
    n.clock.flush();
    expect(mirror()).toBeDefined();
  });

  it('deleting the mirror pod brings a new one for the same running containers', () => {
    const { n, fs, mirror } = setup();
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    n.kubelet.restart();
    n.until(() => mirror()?.status?.phase === 'Running', 60);
    const before = mirror()!;
    const containerID = before.status?.containerStatuses?.[0].containerID;
    n.advance(60);
    const del = n.api.delete('pods', 'default', `static-web-${NODE}`);
    expect(del.ok).toBe(true);
    n.advance(1);
    const after = mirror()!;
    expect(after).toBeDefined();
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.metadata.creationTimestamp).not.toBe(before.metadata.creationTimestamp);
    expect(after.status?.phase).toBe('Running');
    expect(after.status?.containerStatuses?.[0]).toMatchObject({ containerID, restartCount: 0, ready: true });
  });

  it('removing the file stops the pod and then removes its mirror', () => {
    const { n, fs, mirror } = setup();
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    n.kubelet.restart();
    n.until(() => mirror()?.status?.phase === 'Running', 60);
    const uid = mirror()!.metadata.annotations!['kubernetes.io/config.hash'];
    fs.rename('/etc/kubernetes/manifests/static-web.yaml', '/tmp/static-web.yaml');
    n.advance(20);
    n.until(() => mirror() === undefined, 60);
    expect(n.kubelet.podUids()).not.toContain(uid);
    // Back in the folder: the same pod (same hash) runs again.
    fs.rename('/tmp/static-web.yaml', '/etc/kubernetes/manifests/static-web.yaml');
    n.advance(20);
    n.until(() => mirror()?.status?.phase === 'Running', 60);
    expect(mirror()!.metadata.annotations!['kubernetes.io/config.hash']).toBe(uid);
  });

  it('a malformed manifest is logged as the kubelet logs it, and the other manifests still run', () => {
    const { n, fs, mirror } = setup();
    fs.writeFile('/etc/kubernetes/manifests/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata;\n  name: broken\n');
    fs.writeFile('/etc/kubernetes/manifests/static-web.yaml', STATIC_WEB);
    fs.writeFile('/etc/kubernetes/manifests/.hidden.yaml', 'not: [a pod');
    n.kubelet.restart();
    n.until(() => mirror()?.status?.phase === 'Running', 60);
    const errors = n.kubelet.journal.lines().filter((l) => l.includes('Could not process manifest file'));
    // As a kubeadm node logs it (journalctl -u kubelet): file.go's ErrorS with the decode error.
    expect(errors[0]).toMatch(
      /^\w{3} \d\d \d\d:\d\d:\d\d node01 kubelet\[\d+\]: E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ file\.go:187\] "Could not process manifest file" err="\/etc\/kubernetes\/manifests\/broken\.yaml: couldn't parse as pod\(yaml: line 4: could not find expected ':'\), please check config file" path="\/etc\/kubernetes\/manifests\/broken\.yaml"$/,
    );
    expect(n.kubelet.journal.lines().join('\n')).not.toContain('hidden');
    expect(n.api.list('pods', 'default').ok && (n.api.list('pods', 'default') as { value: { items: KubeObject[] } }).value.items.map((p) => p.metadata.name)).toEqual([`static-web-${NODE}`]);
  });

  it('names the wrong kind or version and a missing name as the kubelet does', () => {
    const { n, fs } = setup();
    fs.writeFile('/etc/kubernetes/manifests/a.yaml', 'apiVersion: v2\nkind: Pod\nmetadata:\n  name: a\n');
    fs.writeFile('/etc/kubernetes/manifests/b.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n');
    n.kubelet.restart();
    n.clock.flush();
    const text = n.kubelet.journal.lines().join('\n');
    expect(text).toContain(`err="/etc/kubernetes/manifests/a.yaml: couldn't parse as pod(no kind \\"Pod\\" is registered for version \\"v2\\" in scheme \\"pkg/api/legacyscheme/scheme.go:30\\"), please check config file"`);
    expect(text).toContain('err="invalid pod: name is needed for the pod" path="/etc/kubernetes/manifests/b.yaml"');
  });
});
