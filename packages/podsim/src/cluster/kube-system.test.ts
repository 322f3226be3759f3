/**
 * kube-system as `kubeadm init` (v1.32) leaves it: the control plane's static pods, mirrored in the API,
 * and kube-proxy's DaemonSet on every node. Expected values come from kubeadm's sources
 * (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go, phases/addons/proxy,
 * util/staticpod/utils.go, constants.go) and the kubelet's mirror-pod handling (pkg/kubelet/config).
 */
import { describe, expect, it } from 'vitest';
import type { Any } from '../api/objects.js';
import { createSandbox } from '../host/sandbox.js';
import { FileSystem } from '../kernel/fs.js';
import { MANIFESTS_DIR } from '../kubelet/node-files.js';
import { VERSION_INFO } from '../version.js';
import { Cluster } from './cluster.js';

const CONTROL_PLANE = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

const systemPods = (c: Cluster): Any[] => {
  const r = c.api.list('pods', 'kube-system');
  return r.ok ? (r.value.items as Any[]) : [];
};

describe('kube-system on a kubeadm cluster', () => {
  it('runs the four control-plane static pods on the control plane, mirrored, Running and Ready', () => {
    const c = new Cluster({ workers: 2 });
    c.advance(60_000);
    const node = c.api.get('nodes', undefined, 'controlplane');
    const byName = new Map<string, Any>(systemPods(c).map((p) => [p.metadata.name, p]));
    for (const component of CONTROL_PLANE) {
      const p = byName.get(`${component}-controlplane`) ?? {};
      expect(p.metadata, component).toBeDefined();
      const a = p.metadata.annotations;
      expect([a['kubernetes.io/config.source'], a['kubernetes.io/config.mirror'] === a['kubernetes.io/config.hash']]).toEqual(['file', true]);
      expect(a['kubernetes.io/config.seen']).toMatch(/^2026-11-27T09:00:\d\d\.\d{9}Z$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'controlplane', uid: node.ok ? node.value.metadata.uid : '', controller: true }]);
      expect(p.metadata.labels).toEqual({ component, tier: 'control-plane' });
      expect([p.spec.priorityClassName, p.spec.priority, p.spec.hostNetwork, p.spec.nodeName]).toEqual(['system-node-critical', 2000001000, true, 'controlplane']);
      expect(p.spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
      expect([p.status.phase, p.status.podIP, p.status.hostIP]).toEqual(['Running', '172.18.0.2', '172.18.0.2']);
      expect(p.status.containerStatuses.map((s: Any) => [s.name, s.ready, s.restartCount, Object.keys(s.state)])).toEqual([[component, true, 0, ['running']]]);
    }
    const etcd = byName.get('etcd-controlplane')?.spec.containers[0];
    expect(etcd.image).toBe('registry.k8s.io/etcd:3.5.16-0');
    expect(etcd.command).toContain('--listen-client-urls=https://127.0.0.1:2379,https://172.18.0.2:2379');
    expect(etcd.livenessProbe.httpGet).toEqual({ host: '127.0.0.1', path: '/health?exclude=NOSPACE&serializable=true', port: 2381, scheme: 'HTTP' });
    expect(etcd.resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' } });
    const apiserver = byName.get('kube-apiserver-controlplane')?.spec.containers[0];
    expect(apiserver.image).toBe(`registry.k8s.io/kube-apiserver:${VERSION_INFO.gitVersion}`);
    expect(apiserver.readinessProbe).toEqual({ failureThreshold: 3, httpGet: { host: '172.18.0.2', path: '/readyz', port: 6443, scheme: 'HTTPS' }, periodSeconds: 1, successThreshold: 1, timeoutSeconds: 15 });
    expect(apiserver.startupProbe).toMatchObject({ failureThreshold: 24, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
    const kcm = byName.get('kube-controller-manager-controlplane')?.spec;
    expect(kcm.containers[0].command.slice(0, 3)).toEqual(['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf']);
    expect(kcm.volumes.find((v: Any) => v.name === 'kubeconfig')).toEqual({ name: 'kubeconfig', hostPath: { path: '/etc/kubernetes/controller-manager.conf', type: 'FileOrCreate' } });
    const fs = new FileSystem(() => c.clock.now(), c.kubelet('controlplane')!.root);
    expect(fs.readdir(MANIFESTS_DIR).sort()).toEqual(CONTROL_PLANE.map((n) => `${n}.yaml`));
    const head = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  creationTimestamp: null', '  labels:', '    component: kube-scheduler', '    tier: control-plane', '  name: kube-scheduler', '  namespace: kube-system', 'spec:', '  containers:', '  - command:', '    - kube-scheduler'];
    expect(fs.readFile(`${MANIFESTS_DIR}/kube-scheduler.yaml`).split('\n').slice(0, head.length)).toEqual(head);
    expect(c.kubelet('controlplane')!.hostNet!.ports()).toEqual(expect.arrayContaining([2379, 2380, 2381, 6443, 10249, 10250, 10256, 10257, 10259]));
  });

  it('runs kube-proxy on every node, the control plane included, from kubeadm\'s DaemonSet', () => {
    const c = new Cluster({ workers: 2 });
    c.advance(30_000);
    const ds = c.api.get('daemonsets', 'kube-system', 'kube-proxy');
    expect(ds.ok && (ds.value as Any).status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3 });
    const tpl = ds.ok ? (ds.value as Any).spec.template.spec : {};
    expect([tpl.tolerations, tpl.hostNetwork, tpl.serviceAccountName, tpl.priorityClassName]).toEqual([[{ operator: 'Exists' }], true, 'kube-proxy', 'system-node-critical']);
    expect(tpl.containers[0].image).toBe(`registry.k8s.io/kube-proxy:${VERSION_INFO.gitVersion}`);
    const proxies = systemPods(c).filter((p) => p.metadata.labels['k8s-app'] === 'kube-proxy');
    expect(proxies.map((p) => [p.spec.nodeName, p.status.podIP, p.status.containerStatuses[0].ready]).sort()).toEqual([
      ['controlplane', '172.18.0.2', true],
      ['node01', '172.18.0.3', true],
      ['node02', '172.18.0.4', true],
    ]);
    const cm = c.api.get('configmaps', 'kube-system', 'kube-proxy');
    expect(cm.ok && Object.keys((cm.value as Any).data)).toEqual(['config.conf', 'kubeconfig.conf']);
    expect(cm.ok && (cm.value as Any).data['config.conf']).toMatch(/^apiVersion: kubeproxy\.config\.k8s\.io\/v1alpha1\n[\s\S]*clusterCIDR: 10\.244\.0\.0\/16\n[\s\S]*kind: KubeProxyConfiguration\n/);
    expect(c.api.get('serviceaccounts', 'kube-system', 'kube-proxy').ok).toBe(true);
  });

  it('brings a deleted mirror pod straight back while its containers keep running, as the kubelet does', async () => {
    const sb = createSandbox();
    sb.advance(30_000);
    const before = (await sb.run("kubectl get pod -n kube-system kube-scheduler-controlplane -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].containerID}'")).output.split(' ');
    expect((await sb.run('kubectl delete pod -n kube-system kube-scheduler-controlplane')).output).toBe('pod "kube-scheduler-controlplane" deleted\n');
    sb.advance(2_000);
    const after = (await sb.run("kubectl get pod -n kube-system kube-scheduler-controlplane -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].containerID}'")).output.split(' ');
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect((await sb.run('kubectl get pod -n kube-system kube-scheduler-controlplane --no-headers')).output).toMatch(/^kube-scheduler-controlplane +1\/1 +Running +0 +\d+s\n$/);
  });

  it('describes a control-plane pod as kubectl does a mirror pod: its class, node owner, seccomp profile and kubeadm probes', async () => {
    const sb = createSandbox();
    sb.advance(30_000);
    const out = (await sb.run('kubectl describe pod -n kube-system kube-controller-manager-controlplane')).output;
    expect(out).toMatch(/^Name: {17}kube-controller-manager-controlplane\nNamespace: {12}kube-system\nPriority: {13}2000001000\nPriority Class Name: {2}system-node-critical\nNode: {17}controlplane\/172\.18\.0\.2\n/);
    expect(out).toContain('\nAnnotations:          kubernetes.io/config.hash: ');
    expect(out).toContain('\n                      kubernetes.io/config.source: file\nStatus:               Running\nSeccompProfile:       RuntimeDefault\nIP:                   172.18.0.2\nIPs:\n  IP:           172.18.0.2\nControlled By:  Node/controlplane\n');
    expect(out).toContain('\n    Liveness:     http-get https://127.0.0.1:10257/healthz delay=10s timeout=15s period=10s #success=1 #failure=8\n    Startup:      http-get https://127.0.0.1:10257/healthz delay=10s timeout=15s period=10s #success=1 #failure=24\n');
    expect(out).toContain('\n  flexvolume-dir:\n    Type:          HostPath (bare host directory volume)\n    Path:          /usr/libexec/kubernetes/kubelet-plugins/volume/exec\n    HostPathType:  DirectoryOrCreate\n');
    expect(out).toMatch(/\nQoS Class: {9}Burstable\nNode-Selectors: {4}<none>\nTolerations: {7}:NoExecute op=Exists\n/);
  });

  it('logs the components\' first lines', async () => {
    const sb = createSandbox();
    sb.advance(30_000);
    expect((await sb.run('kubectl logs -n kube-system kube-apiserver-controlplane')).output).toMatch(/^I1127 09:00:\d\d\.\d{6} {7}1 options\.go:238\] external host was not specified, using 172\.18\.0\.2\n$/);
    expect((await sb.run('kubectl logs -n kube-system kube-scheduler-controlplane')).output).toMatch(/serving\.go:386\] Generated self-signed cert in-memory\n$/);
    expect((await sb.run('kubectl logs -n kube-system etcd-controlplane | head -1')).output).toMatch(/^\{"level":"info","ts":"[^"]+","caller":"etcdmain\/etcd\.go:73","msg":"Running: ","args":\["etcd","--advertise-client-urls=https:\/\/172\.18\.0\.2:2379",/);
  });
});
