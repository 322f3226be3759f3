/**
 * nicolaka/netshoot's iputils ping and iproute2 ip (issue 10), and the same packages installed with
 * apt-get. Expected formats: iputils ping_common.c (`PING %s (%s) %d(%d) bytes of data.`, `icmp_seq=`
 * from 1, `%ld packets transmitted, %ld received, …% packet loss, time %ldms`, `rtt min/avg/max/mdev`),
 * ping.c's `usage error: Destination address required` and getaddrinfo texts (musl's `Name does not
 * resolve`, glibc's `Name or service not known`); iproute2 ipaddress.c (print_linkinfo: `state UP group
 * default`, `link-netnsid 0`; brief: `%-16s %-14s ` then the addresses) and iproute.c.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

async function withPods(): Promise<{ sb: Sandbox; podIP: string; svcIP: string }> {
  const sb = new Sandbox();
  await sb.run('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname');
  await sb.run('kubectl expose deployment hostnames --port=80 --target-port=9376');
  await sb.run('kubectl run ns --image=nicolaka/netshoot -- sleep infinity');
  sb.advance(60_000);
  const podIP = (await sb.run(`kubectl get pods -l app=hostnames -o jsonpath='{.items[0].status.podIP}'`)).output;
  const svcIP = (await sb.run(`kubectl get svc hostnames -o jsonpath='{.spec.clusterIP}'`)).output;
  return { sb, podIP, svcIP };
}

describe('iputils ping (netshoot)', () => {
  it('pings a pod by address, numbered from icmp_seq=1, with the statistics iputils prints', async () => {
    const { sb, podIP } = await withPods();
    const r = await sb.run(`kubectl exec ns -- ping -c 2 ${podIP}`);
    const lines = r.output.split('\n');
    expect(lines[0]).toBe(`PING ${podIP} (${podIP}) 56(84) bytes of data.`);
    expect(lines[1]).toMatch(new RegExp(`^64 bytes from ${podIP.replace(/\./g, '\\.')}: icmp_seq=1 ttl=6[23] time=\\d+\\.\\d{3} ms$`));
    expect(lines[2]).toMatch(/: icmp_seq=2 ttl=6[23] time=/);
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe(`--- ${podIP} ping statistics ---`);
    expect(lines[5]).toBe('2 packets transmitted, 2 received, 0% packet loss, time 1001ms');
    expect(lines[6]).toMatch(/^rtt min\/avg\/max\/mdev = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms$/);
    expect(r.exitCode).toBe(0);
  });

  it('names a Service by its FQDN; its virtual IP answers no echo, so every request is lost (exit 1)', async () => {
    const { sb, svcIP } = await withPods();
    const r = await sb.run('kubectl exec ns -- ping -c 2 hostnames');
    expect(r.output.split('\n')).toEqual([
      `PING hostnames.default.svc.cluster.local (${svcIP}) 56(84) bytes of data.`,
      '',
      '--- hostnames.default.svc.cluster.local ping statistics ---',
      '2 packets transmitted, 0 received, 100% packet loss, time 1001ms',
      'command terminated with exit code 1',
      '',
    ]);
  });

  it('says what getaddrinfo says for a name that does not resolve, and asks for a destination', async () => {
    const { sb } = await withPods();
    const r = await sb.run('kubectl exec ns -- ping -c 1 nothere');
    expect(r.output).toBe('ping: nothere: Name does not resolve\ncommand terminated with exit code 2\n');
    expect((await sb.run('kubectl exec ns -- ping')).output).toBe('ping: usage error: Destination address required\ncommand terminated with exit code 1\n');
  });

  it('is the program apt-get installs with iputils-ping in a Debian container, with glibc\'s text', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run deb --image=debian:12 -- sleep infinity');
    sb.advance(60_000);
    await sb.run('kubectl exec deb -- apt-get update');
    await sb.run('kubectl exec deb -- apt-get install -y iputils-ping');
    const r = await sb.run('kubectl exec deb -- ping -c 1 nothere');
    expect(r.output).toBe('ping: nothere: Name or service not known\ncommand terminated with exit code 2\n');
  });
});

describe('iproute2 ip (netshoot)', () => {
  it('shows the loopback and eth0 as ipaddress.c prints them for a veth whose peer is in the node', async () => {
    const { sb } = await withPods();
    const podIP = (await sb.run(`kubectl get pod ns -o jsonpath='{.status.podIP}'`)).output;
    const [a, b, c, d] = podIP.split('.').map(Number);
    const mac = `0a:58:${[a, b, c, d].map((n) => n.toString(16).padStart(2, '0')).join(':')}`;
    const out = (await sb.run('kubectl exec ns -- ip addr')).output.split('\n');
    expect(out.slice(0, 6)).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '    inet6 ::1/128 scope host',
      '       valid_lft forever preferred_lft forever',
    ]);
    expect(out[6]).toMatch(/^2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default$/);
    expect(out[7]).toBe(`    link/ether ${mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0`);
    expect(out[8]).toBe(`    inet ${podIP}/24 scope global eth0`);
    expect(out[10]).toMatch(/^ {4}inet6 fe80::858:[0-9a-f:]+\/64 scope link$/);
  });

  it('prints the brief forms, the routes, and iproute2\'s errors', async () => {
    const { sb } = await withPods();
    const podIP = (await sb.run(`kubectl get pod ns -o jsonpath='{.status.podIP}'`)).output;
    const br = (await sb.run('kubectl exec ns -- ip -br -4 a')).output.split('\n');
    expect(br[0]).toBe('lo               UNKNOWN        127.0.0.1/8');
    expect(br[1]).toMatch(new RegExp(`^eth0@if\\d+ +UP +${podIP.replace(/\./g, '\\.')}/24$`));
    expect(br[1].indexOf('UP')).toBe(17);
    const gw = podIP.replace(/\.\d+$/, '.1');
    expect((await sb.run('kubectl exec ns -- ip route')).output.split('\n').slice(0, 3)).toEqual([
      `default via ${gw} dev eth0`,
      `${podIP.split('.').slice(0, 2).join('.')}.0.0/16 via ${gw} dev eth0`,
      `${podIP.replace(/\.\d+$/, '.0')}/24 dev eth0 proto kernel scope link src ${podIP}`,
    ]);
    expect((await sb.run('kubectl exec ns -- ip addr show dev eth9')).output).toBe('Device "eth9" does not exist.\ncommand terminated with exit code 1\n');
    expect((await sb.run('kubectl exec ns -- ip bogus')).output).toBe('Object "bogus" is unknown, try "ip help".\ncommand terminated with exit code 1\n');
  });
});
