/**
 * Cluster DNS from inside pods. Expected outputs: busybox 1.28's and newer busybox's nslookup as
 * docker-library/busybox#75 and kubernetes/website#31930 print them on kubeadm-like clusters; the
 * `kube-dns` Service as kubeadm's CoreDNS add-on defines it (10.96.0.10, 53/UDP, 53/TCP, 9153/TCP).
 */
import { describe, expect, it } from 'vitest';
import { apply, bootCluster, containerStatus, exec, get, getPod, listPods, waitFor } from './support/harness.js';
import type { Cluster } from '../src/cluster/cluster.js';
import type { KubeObject, Service } from '../src/api/types.js';

function sleeper(c: Cluster, name: string, image: string, extra = ''): void {
  apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:${extra}
  containers:
  - name: main
    image: ${image}
    command: ["sleep", "3600"]
`);
}

function ready(c: Cluster, names: string[]): void {
  expect(waitFor(c, () => names.every((n) => containerStatus(getPod(c, n))?.ready === true), 120_000)).toBe(true);
}

describe('cluster DNS', () => {
  it('kube-dns is the kube-system Service at 10.96.0.10', () => {
    const c = bootCluster();
    const svc = get<Service & KubeObject>(c, 'services', 'kube-dns', 'kube-system');
    expect(svc?.spec?.clusterIP).toBe('10.96.0.10');
    expect(svc?.spec?.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    expect(svc?.spec?.selector).toEqual({ 'k8s-app': 'kube-dns' });
  });

  it('busybox 1.28 resolves through the search list and names each address back', () => {
    const c = bootCluster();
    sleeper(c, 'old', 'busybox:1.28');
    ready(c, ['old']);
    expect(exec(c, 'old', ['nslookup', 'kubernetes.default'])).toEqual({
      exitCode: 0,
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '',
    });
    expect(exec(c, 'old', ['nslookup', 'nothing-here'])).toEqual({
      exitCode: 1,
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'nothing-here'\n",
    });
  });

  it("radial/busyboxplus's nslookup is the C library's too (its transcripts: Address 1: with the reverse name)", () => {
    const c = bootCluster();
    sleeper(c, 'plus', 'radial/busyboxplus:curl');
    ready(c, ['plus']);
    expect(exec(c, 'plus', ['nslookup', 'kubernetes'])).toEqual({
      exitCode: 0,
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
      stderr: '',
    });
  });

  it('newer busybox sends the name as typed: a short name is NXDOMAIN, the FQDN answers', () => {
    const c = bootCluster();
    sleeper(c, 'new', 'busybox:1.36');
    ready(c, ['new']);
    const short = exec(c, 'new', ['nslookup', 'kubernetes.default']);
    expect(short.exitCode).toBe(1);
    expect(short.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n");
    expect(exec(c, 'new', ['nslookup', 'kubernetes.default.svc.cluster.local']).stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
  });

  it('pod A records, headless Services and hostname.subdomain records', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Service
metadata:
  name: sub
spec:
  clusterIP: None
  selector:
    group: sub
  ports:
  - port: 80
`);
    for (const n of ['a', 'b']) sleeper(c, n, 'busybox:1.28', `\n  hostname: host-${n}\n  subdomain: sub`);
    const labelled = (n: string) => apply(c, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${n}-x\n  labels:\n    group: sub\nspec:\n  hostname: host-${n}\n  subdomain: sub\n  containers:\n  - name: main\n    image: busybox:1.28\n    command: ["sleep", "3600"]\n`);
    labelled('a');
    labelled('b');
    ready(c, ['a', 'a-x', 'b-x']);
    c.advance(2_000);
    const ipA = getPod(c, 'a-x')!.status!.podIP!;
    const ipB = getPod(c, 'b-x')!.status!.podIP!;
    const headless = exec(c, 'a', ['nslookup', 'sub']).stdout;
    expect(headless).toContain('Name:      sub\n');
    expect(headless).toContain(`${ipA} host-a.sub.default.svc.cluster.local`);
    expect(headless).toContain(`${ipB} host-b.sub.default.svc.cluster.local`);
    expect(exec(c, 'a', ['nslookup', 'host-b.sub']).stdout).toContain(`Address 1: ${ipB} host-b.sub.default.svc.cluster.local\n`);
    const dashed = `${ipB.replaceAll('.', '-')}.default.pod.cluster.local`;
    expect(exec(c, 'a', ['nslookup', dashed]).stdout).toContain(`Name:      ${dashed}\nAddress 1: ${ipB}`);
    expect(listPods(c).length).toBe(4);
  });

  it('wget reaches a Service by its short name through the search list, only from its own namespace', () => {
    const c = bootCluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`);
    sleeper(c, 'client', 'busybox:1.36');
    ready(c, ['web', 'client']);
    c.advance(2_000);
    expect(exec(c, 'client', ['wget', '-qO-', 'http://web']).stdout).toContain('Welcome to nginx!');
    expect(exec(c, 'client', ['wget', '-qO-', 'http://web.default.svc']).stdout).toContain('Welcome to nginx!');
    expect(exec(c, 'client', ['wget', '-qO-', 'http://web.other']).stderr).toBe("wget: bad address 'web.other'\n");
  });
});
