/**
 * /etc/resolv.conf as the kubelet forms a pod's DNS (pkg/kubelet/network/dns) and containerd writes it
 * (search, nameserver, options lines). Expected texts: the dns-pod-service concept page (the
 * `dnsPolicy: None` example's nameserver/search/options, the cluster search list with ndots:5), the
 * kubelet's DNSConfigForming event text, and the API server's validatePodDNSConfig messages.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';
import { podDnsConfig } from '../src/kubelet/dns-config.js';

function pod(name: string, dns: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
spec:${dns}
  containers:
  - name: test
    image: busybox:1.36
    command: ["sleep", "3600"]
`;
}

async function resolvConf(sb: Sandbox, name: string, namespace = 'default'): Promise<string> {
  await sb.run(`kubectl wait --for=condition=Ready pod/${name} -n ${namespace} --timeout=120s`);
  return (await sb.run(`kubectl exec ${name} -n ${namespace} -- cat /etc/resolv.conf`)).output;
}

describe('dnsPolicy and dnsConfig', () => {
  it("writes the docs' dnsPolicy None example", async () => {
    const sb = new Sandbox({ files: { 'p.yaml': pod('dns-example', `\n  dnsPolicy: "None"\n  dnsConfig:\n    nameservers:\n      - 192.0.2.1\n    searches:\n      - ns1.svc.cluster-domain.example\n      - my.dns.search.suffix\n    options:\n      - name: ndots\n        value: "2"\n      - name: edns0`) } });
    expect((await sb.run('kubectl apply -f p.yaml')).output).toBe('pod/dns-example created\n');
    expect(await resolvConf(sb, 'dns-example')).toBe('search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n');
  });

  it('ClusterFirst: the namespace first in the search list, ndots:5; dnsConfig is appended and merged', async () => {
    const sb = new Sandbox({
      files: {
        'a.yaml': pod('plain', '', 'kube-public'),
        'b.yaml': pod('extra', `\n  dnsConfig:\n    searches:\n      - corp.example\n    options:\n      - name: ndots\n        value: "2"\n      - name: single-request-reopen`),
      },
    });
    await sb.run('kubectl apply -f a.yaml -f b.yaml');
    expect(await resolvConf(sb, 'plain', 'kube-public')).toBe('search kube-public.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(await resolvConf(sb, 'extra')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:2 single-request-reopen\n');
  });

  it('cuts a fourth nameserver with the kubelet warning', async () => {
    const sb = new Sandbox({ files: { 'p.yaml': pod('many', `\n  dnsConfig:\n    nameservers: ["1.1.1.1", "8.8.8.8", "9.9.9.9"]`) } });
    await sb.run('kubectl apply -f p.yaml');
    expect(await resolvConf(sb, 'many')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:5\n');
    expect((await sb.run('kubectl get events --field-selector reason=DNSConfigForming -o jsonpath={.items[0].message}')).output).toBe(
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
    );
  });

  it('Default and ClusterFirst on the host network use the node resolver; ClusterFirstWithHostNet the cluster', () => {
    const node = podDnsConfig({ namespace: 'default', dnsPolicy: 'Default' }).dns;
    expect(node.searches).toEqual([]);
    expect(node.servers).not.toContain('10.96.0.10');
    expect(podDnsConfig({ namespace: 'default', dnsPolicy: 'ClusterFirst', hostNetwork: true }).dns).toEqual(node);
    expect(podDnsConfig({ namespace: 'web', dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true }).dns).toEqual({
      servers: ['10.96.0.10'],
      searches: ['web.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      options: ['ndots:5'],
    });
    const long = Array.from({ length: 40 }, (_, i) => `s${i}.example`);
    const cut = podDnsConfig({ namespace: 'default', dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: long } });
    expect(cut.dns.searches).toHaveLength(32);
    expect(cut.warnings).toEqual([`Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${long.slice(0, 32).join(' ')}`]);
  });

  it('rejects dnsConfig the API server refuses, with its texts', async () => {
    const sb = new Sandbox({
      files: {
        'none.yaml': pod('none', '\n  dnsPolicy: None'),
        'empty.yaml': pod('empty', '\n  dnsPolicy: None\n  dnsConfig:\n    searches: ["a.example"]'),
        'bad.yaml': pod('bad', '\n  dnsConfig:\n    nameservers: ["1.1.1.1", "1.1.1.2", "1.1.1.3", "not-an-ip"]\n    searches: ["Bad_Domain."]\n    options:\n    - value: "1"'),
      },
    });
    expect((await sb.run('kubectl apply -f none.yaml')).output).toBe('The Pod "none" is invalid: spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None\n');
    expect((await sb.run('kubectl apply -f empty.yaml')).output).toBe('The Pod "empty" is invalid: spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None\n');
    // kubectl writes `is invalid: ` before the list; the terminal transcript drops the trailing blank.
    expect((await sb.run('kubectl apply -f bad.yaml')).output).toBe(
      'The Pod "bad" is invalid:\n' +
        '* spec.dnsConfig.nameservers: Invalid value: []string{"1.1.1.1", "1.1.1.2", "1.1.1.3", "not-an-ip"}: must not have more than 3 nameservers\n' +
        '* spec.dnsConfig.nameservers[3]: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
        `* spec.dnsConfig.searches[0]: Invalid value: "Bad_Domain": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n` +
        '* spec.dnsConfig.options[0]: Required value: Option.Name must not be empty\n',
    );
  });
});
