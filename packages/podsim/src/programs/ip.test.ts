/**
 * busybox `ip` in a pod. Expected format: busybox networking/libiproute/ipaddress.c (print_linkinfo:
 * `N: NAME@PEER: <FLAGS,M-DOWN> mtu M qdisc Q qlen L`, `    link/ether …`; print_addrinfo:
 * `    inet A/P scope S LABEL` then `       valid_lft forever preferred_lft forever`), the address
 * lines as the source-ip tutorial's `ip addr` shows them.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';

describe('busybox ip', () => {
  it('shows the loopback and the pod end of its veth pair with the pod IP', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run bb --image=busybox:1.28 -- sleep 3600');
    sb.advance(30_000);
    const podIP = (await sb.run(`kubectl get pod bb -o jsonpath='{.status.podIP}'`)).output;
    const [a, b, c, d] = podIP.split('.').map(Number);
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    // busybox ends the link line of eth0 and the inet6 lines with a blank; the terminal shows none.
    const out = (await sb.run('kubectl exec bb -- ip addr')).output.split('\n');
    expect(out.slice(0, 6)).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '    inet6 ::1/128 scope host',
      '       valid_lft forever preferred_lft forever',
    ]);
    expect(out[6]).toMatch(/^2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue$/);
    expect(out[7]).toBe(`    link/ether 0a:58:${[a, b, c, d].map(hex).join(':')} brd ff:ff:ff:ff:ff:ff`);
    expect(out[8]).toBe(`    inet ${podIP}/24 scope global eth0`);
    expect(out[10]).toMatch(/^ {4}inet6 fe80::[0-9a-f:]+\/64 scope link$/);
    expect((await sb.run('kubectl exec bb -- ip -4 a show eth0')).output).toBe(`${out.slice(6, 10).join('\n')}\n`);
    expect((await sb.run('kubectl exec bb -- ip link')).output.split('\n')).toHaveLength(5);
    expect(await sb.run('kubectl exec bb -- ip addr show dev eth9')).toMatchObject({ output: "ip: can't find device 'eth9'\ncommand terminated with exit code 1\n" });
  });
});
