/**
 * The DNS tools readers run in the docs' dnsutils Pod (admin/dns/dnsutils.yaml), against CoreDNS
 * through the kube-dns Service. Expected formats: BIND 9.18's nslookup (`Server:\t\tS` /
 * `Address:\tS#53`), host (`NAME has address IP`, `Host NAME not found: 3(NXDOMAIN)`), dig's record
 * layout and its timed-out tries (`;; communications error to S#53: timed out` … `;; no servers could
 * be reached`, as dig 9.18 prints them in bug reports), glibc getent's `%-15s` columns.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';
import { exec } from './support/harness.js';

const DNSUTILS = `apiVersion: v1
kind: Pod
metadata:
  name: dnsutils
  namespace: default
spec:
  containers:
  - name: dnsutils
    image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
    command:
      - sleep
      - "infinity"
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
`;

async function dnsutils(): Promise<Sandbox> {
  const sb = new Sandbox({ files: { 'dnsutils.yaml': DNSUTILS } });
  expect((await sb.run('kubectl apply -f dnsutils.yaml')).output).toBe('pod/dnsutils created\n');
  await sb.run('kubectl wait --for=condition=Ready pod/dnsutils --timeout=120s');
  return sb;
}

describe('DNS tools in the dnsutils Pod', () => {
  it('nslookup, host, dig and getent answer from CoreDNS', async () => {
    const sb = await dnsutils();
    const run = (...argv: string[]) => exec(sb.cluster, 'dnsutils', argv);
    expect(run('nslookup', 'kubernetes.default')).toEqual({ exitCode: 0, stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n', stderr: '' });
    expect(run('nslookup', 'nothing-here')).toEqual({ exitCode: 1, stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nothing-here: NXDOMAIN\n\n", stderr: '' });
    expect(run('host', 'kubernetes.default').stdout).toBe('kubernetes.default.svc.cluster.local has address 10.96.0.1\n');
    expect(run('host', 'nothing-here')).toEqual({ exitCode: 1, stdout: 'Host nothing-here not found: 3(NXDOMAIN)\n', stderr: '' });
    expect(run('dig', '+short', 'kube-dns.kube-system.svc.cluster.local').stdout).toBe('10.96.0.10\n');
    const full = run('dig', 'kubernetes.default.svc.cluster.local').stdout;
    expect(full).toMatch(/^\n; <<>> DiG 9\.18\.28-1~deb12u2-Debian <<>> kubernetes\.default\.svc\.cluster\.local\n;; global options: \+cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+\n/);
    expect(full).toContain(';; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n');
    expect(full).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
    expect(run('dig', 'kubernetes.default').stdout).toContain('status: NXDOMAIN');
    expect(run('dig', '+search', '+short', 'kubernetes.default').stdout).toBe('10.96.0.1\n');
    expect(run('getent', 'hosts', 'kubernetes.default')).toEqual({ exitCode: 0, stdout: '10.96.0.1       kubernetes.default.svc.cluster.local\n', stderr: '' });
    expect(run('getent', 'ahosts', 'kubernetes.default').stdout).toBe('10.96.0.1       STREAM kubernetes.default.svc.cluster.local\n10.96.0.1       DGRAM  \n10.96.0.1       RAW    \n');
    expect(run('getent', 'hosts', 'nothing-here')).toEqual({ exitCode: 2, stdout: '', stderr: '' });
    expect(run('getent', 'passwd', 'root').stdout).toBe('root:x:0:0:root:/root:/bin/bash\n');
  });

  it('with CoreDNS scaled to zero every try times out', async () => {
    const sb = await dnsutils();
    await sb.run('kubectl scale deploy/coredns -n kube-system --replicas=0; sleep 40');
    const start = sb.cluster.clock.now();
    const short = exec(sb.cluster, 'dnsutils', ['dig', '+short', 'kubernetes.default.svc.cluster.local']);
    expect(short).toEqual({ exitCode: 9, stdout: ';; communications error to 10.96.0.10#53: timed out\n'.repeat(3) + ';; no servers could be reached\n', stderr: '' });
    expect(sb.cluster.clock.now() - start).toBeGreaterThanOrEqual(15_000);
    expect(exec(sb.cluster, 'dnsutils', ['getent', 'hosts', 'kubernetes.default']).exitCode).toBe(2);
  });
});
