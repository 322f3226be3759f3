/**
 * The records of concepts/services-networking/dns-pod-service: a Pod with hostname and subdomain
 * under a headless Service of that name has the FQDN `HOST.SUB.NS.svc.cluster.local` (its /etc/hosts
 * line as the kubelet writes it, `IP\tFQDN\tSHORT`, kubelet_pods.go managedHostsFileContent; `hostname
 * -f`; an A record at that name), setHostnameAsFQDN makes the FQDN the hostname, and named ports have
 * SRV records `_PORT._PROTO.SVC.NS.svc.cluster.local`: the Service's name for a normal Service, one
 * record per Pod (its hostname under the Service) for a headless one, priority 0 and CoreDNS's weight
 * (100 shared out). Layouts: BIND 9.18 host (`has SRV record`), nslookup (`service =`) and dig +short.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';
import { exec } from './support/harness.js';

// The page's example, with the port named `foo` (its Service) and the pods' busybox image.
const SUBDOMAIN = `apiVersion: v1
kind: Service
metadata:
  name: busybox-subdomain
spec:
  selector:
    name: busybox
  clusterIP: None
  ports:
  - name: foo
    port: 1234
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox1
  labels:
    name: busybox
spec:
  hostname: busybox-1
  subdomain: busybox-subdomain
  containers:
  - image: busybox:1.28
    command: ["sleep", "3600"]
    name: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: busybox2
  labels:
    name: busybox
spec:
  hostname: busybox-2
  subdomain: busybox-subdomain
  setHostnameAsFQDN: true
  containers:
  - image: busybox:1.28
    command: ["sleep", "3600"]
    name: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: dnsutils
spec:
  containers:
  - name: dnsutils
    image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
    command: ["sleep", "infinity"]
`;

async function cluster(): Promise<Sandbox> {
  const sb = new Sandbox({ files: { 'dns.yaml': SUBDOMAIN } });
  await sb.run('kubectl apply -f dns.yaml && kubectl expose pod busybox1 --name=web --port=80 --target-port=8080');
  await sb.run('kubectl wait --for=condition=Ready pod/busybox1 pod/busybox2 pod/dnsutils --timeout=120s');
  return sb;
}

const ipOf = async (sb: Sandbox, pod: string) => (await sb.run(`kubectl get pod ${pod} -o jsonpath='{.status.podIP}'`)).output;

describe('DNS records of Pods and Services', () => {
  it('gives a Pod with hostname and subdomain its FQDN under the headless Service', async () => {
    const sb = await cluster();
    const [ip1, ip2] = [await ipOf(sb, 'busybox1'), await ipOf(sb, 'busybox2')];
    const fqdn1 = 'busybox-1.busybox-subdomain.default.svc.cluster.local';
    const fqdn2 = 'busybox-2.busybox-subdomain.default.svc.cluster.local';
    expect(exec(sb.cluster, 'busybox1', ['cat', '/etc/hosts']).stdout.split('\n').at(-2)).toBe(`${ip1}\t${fqdn1}\tbusybox-1`);
    expect(exec(sb.cluster, 'busybox1', ['hostname']).stdout).toBe('busybox-1\n');
    expect(exec(sb.cluster, 'busybox1', ['hostname', '-f']).stdout).toBe(`${fqdn1}\n`);
    expect(exec(sb.cluster, 'busybox1', ['hostname', '-d']).stdout).toBe('busybox-subdomain.default.svc.cluster.local\n');
    // setHostnameAsFQDN: the kernel's hostname is the FQDN; /etc/hosts is written as for any Pod.
    expect(exec(sb.cluster, 'busybox2', ['hostname']).stdout).toBe(`${fqdn2}\n`);
    expect(exec(sb.cluster, 'busybox2', ['cat', '/etc/hosts']).stdout.split('\n').at(-2)).toBe(`${ip2}\t${fqdn2}\tbusybox-2`);
    const run = (...argv: string[]) => exec(sb.cluster, 'dnsutils', argv).stdout;
    expect(run('host', fqdn1)).toBe(`${fqdn1} has address ${ip1}\n`);
    expect(run('host', 'busybox-2.busybox-subdomain')).toBe(`${fqdn2} has address ${ip2}\n`);
    expect(run('dig', '+short', 'busybox-subdomain.default.svc.cluster.local').split('\n').filter(Boolean).sort()).toEqual([ip1, ip2].sort());
  });

  it('answers SRV questions for named ports, through the Service or per Pod for a headless Service', async () => {
    const sb = await cluster();
    const run = (...argv: string[]) => exec(sb.cluster, 'dnsutils', argv).stdout;
    const headless = run('dig', '+short', 'SRV', '_foo._tcp.busybox-subdomain.default.svc.cluster.local').split('\n').filter(Boolean).sort();
    expect(headless).toEqual(['0 50 1234 busybox-1.busybox-subdomain.default.svc.cluster.local.', '0 50 1234 busybox-2.busybox-subdomain.default.svc.cluster.local.']);
    expect(run('host', '-t', 'srv', '_dns._udp.kube-dns.kube-system.svc.cluster.local')).toBe('_dns._udp.kube-dns.kube-system.svc.cluster.local has SRV record 0 100 53 kube-dns.kube-system.svc.cluster.local.\n');
    expect(run('nslookup', '-type=srv', '_dns-tcp._tcp.kube-dns.kube-system.svc.cluster.local')).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n_dns-tcp._tcp.kube-dns.kube-system.svc.cluster.local\tservice = 0 100 53 kube-dns.kube-system.svc.cluster.local.\n\n',
    );
    const full = run('dig', 'SRV', '_metrics._tcp.kube-dns.kube-system.svc.cluster.local');
    expect(full).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 2\n');
    expect(full).toContain(';; ANSWER SECTION:\n_metrics._tcp.kube-dns.kube-system.svc.cluster.local. 30 IN SRV 0 100 9153 kube-dns.kube-system.svc.cluster.local.\n\n;; ADDITIONAL SECTION:\nkube-dns.kube-system.svc.cluster.local. 30 IN A\t10.96.0.10\n\n');
    // An unnamed port has none; a Service that goes takes its records along.
    expect(run('host', '-t', 'srv', '_http._tcp.web.default.svc.cluster.local')).toBe('Host _http._tcp.web.default.svc.cluster.local not found: 3(NXDOMAIN)\n');
    await sb.run('kubectl delete svc busybox-subdomain');
    await sb.run('sleep 2');
    expect(run('dig', '+short', 'SRV', '_foo._tcp.busybox-subdomain.default.svc.cluster.local')).toBe('');
  });
});
