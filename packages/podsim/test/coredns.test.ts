/**
 * kube-system as `kubeadm init` leaves it: the CoreDNS add-on. Expected texts: kubeadm's manifests
 * (cmd/kubeadm/app/phases/addons/dns/manifests.go, 1.32: image, labels, ports, probes, Corefile), the
 * start banner real v1.11.3 pods log (`CoreDNS-1.11.3`, `linux/amd64, go1.21.11, a6338e9`), and the
 * reload fingerprint `591cf328…` that every kubeadm cluster logs for the default Corefile
 * (e.g. the CoreDNS 1.9.3 / 1.10.1 / 1.11.1 logs quoted in kubernetes and nerdctl documentation);
 * the failure texts of the dns-debugging-resolution page and busybox nslookup.c.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';
import { exec } from './support/harness.js';
import { corefileDigest, parseCorefile } from '../src/programs/servers/coredns/corefile.js';
import { KUBEADM_COREFILE } from '../src/cluster/coredns-addon.js';
import { provideTagCatalogue } from '../src/images/catalogue/catalogue.js';
import tags from '../src/images/catalogue/tags.generated.json';

const KUBEADM_DIGEST = '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908';
const BANNER = `.:53\n[INFO] plugin/reload: Running configuration SHA512 = ${KUBEADM_DIGEST}\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n`;

async function booted(): Promise<Sandbox> {
  const sb = new Sandbox();
  await sb.run('sleep 20');
  return sb;
}

describe('the CoreDNS add-on', () => {
  it('fingerprints the kubeadm Corefile as real clusters log it', () => {
    const blocks = parseCorefile(KUBEADM_COREFILE);
    expect(typeof blocks).not.toBe('string');
    expect(corefileDigest(blocks as Exclude<typeof blocks, string>)).toBe(KUBEADM_DIGEST);
    const edited = parseCorefile(KUBEADM_COREFILE.replace('    errors\n', '    errors\n    log\n'));
    expect(corefileDigest(edited as Exclude<typeof edited, string>)).not.toBe(KUBEADM_DIGEST);
  });

  it('runs two coredns pods on the control plane behind kube-dns', async () => {
    const sb = await booted();
    const pods = await sb.run('kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide --no-headers');
    const lines = pods.output.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^coredns-[bcdfghjklmnpqrstvwxz2456789]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.0\.\d+\s+controlplane\s+<none>\s+<none>$/);
    expect((await sb.run('kubectl get deploy coredns -n kube-system --no-headers')).output).toMatch(/^coredns\s+2\/2\s+2\s+2\s+\S+\n$/);
    expect((await sb.run("kubectl get deploy coredns -n kube-system -o jsonpath='{.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[*].containerPort} {.spec.template.spec.dnsPolicy}'")).output).toBe(
      'registry.k8s.io/coredns/coredns:v1.11.3 53 53 9153 Default',
    );
    const ep = await sb.run('kubectl get ep kube-dns -n kube-system --no-headers');
    expect(ep.output).toMatch(/^kube-dns\s+10\.244\.0\.2:53,10\.244\.0\.3:53,10\.244\.0\.2:53 \+ 3 more\.\.\.\s+\S+\n$/);
    expect((await sb.run('kubectl get svc -n kube-system --no-headers')).output).toMatch(/^kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+\S+\n$/);
    const describe = (await sb.run('kubectl describe pods -n kube-system -l k8s-app=kube-dns')).output;
    expect(describe).toContain('Priority Class Name:  system-cluster-critical\n');
    expect(describe).toContain('Priority:             2000000000\n');
    expect(describe).toContain('    Liveness:     http-get http://:8080/health delay=60s timeout=5s period=10s #success=1 #failure=5\n');
    expect(describe).toContain('    Readiness:    http-get http://:8181/ready delay=0s timeout=1s period=10s #success=1 #failure=3\n');
  });

  it('starts from the pre-pulled image when the cluster boots before the tag catalogue is there (the site loads it lazily)', async () => {
    // The catalogue module holds this very object: keep its repositories to give them back.
    const catalogue = { ...tags };
    provideTagCatalogue({ sources: {}, repos: {} });
    let sb: Sandbox;
    try {
      sb = new Sandbox();
    } finally {
      provideTagCatalogue(catalogue);
    }
    await sb.run('sleep 20');
    expect((await sb.run('kubectl get deploy coredns -n kube-system --no-headers')).output).toMatch(/^coredns\s+2\/2\s+2\s+2\s+\S+\n$/);
    const events = (await sb.run('kubectl get events -n kube-system --field-selector reason=Pulled -o custom-columns=MESSAGE:.message --no-headers | grep coredns')).output;
    expect(events).toBe('Container image "registry.k8s.io/coredns/coredns:v1.11.3" already present on machine\n'.repeat(2));
  });

  it('logs its start banner, and the Corefile is the kubeadm ConfigMap', async () => {
    const sb = await booted();
    expect((await sb.run('kubectl logs -n kube-system -l k8s-app=kube-dns')).output).toBe(BANNER + BANNER);
    expect((await sb.run("kubectl get cm coredns -n kube-system -o jsonpath='{.data.Corefile}'")).output).toBe(KUBEADM_COREFILE);
  });

  it('answers through the Service; scaled to zero, lookups time out as on a real cluster', async () => {
    const sb = await booted();
    await sb.run('kubectl run old --image=busybox:1.28 -- sleep 3600; kubectl run new --image=busybox:1.36 -- sleep 3600');
    await sb.run('kubectl wait --for=condition=Ready pod/old pod/new --timeout=120s');
    expect(exec(sb.cluster, 'new', ['nslookup', 'kubernetes.default.svc.cluster.local']).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n',
    );
    await sb.run('kubectl scale deployment coredns -n kube-system --replicas=0');
    await sb.run('sleep 40');
    expect((await sb.run('kubectl get pods -n kube-system -l k8s-app=kube-dns')).output).toBe('No resources found in kube-system namespace.\n');
    const start = sb.cluster.clock.now();
    expect(exec(sb.cluster, 'new', ['nslookup', 'kubernetes.default.svc.cluster.local'])).toEqual({ exitCode: 1, stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '' });
    expect(sb.cluster.clock.now() - start).toBeGreaterThanOrEqual(5_000);
    const old = await sb.run('kubectl exec old -- nslookup kubernetes.default');
    expect(old.output).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\nnslookup: can't resolve 'kubernetes.default'\ncommand terminated with exit code 1\n");
    await sb.run('kubectl scale deployment coredns -n kube-system --replicas=2');
    await sb.run('sleep 20');
    expect((await sb.run('kubectl exec old -- nslookup kubernetes.default')).output).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
  });
});
