/** Add-ons a host turns on when it creates a sandbox. */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

describe('sandbox add-ons', () => {
  it('metrics-server: installed at start, kubectl top works once it has scraped twice', async () => {
    const sb = new Sandbox({ addons: ['metrics-server'] });
    expect((await sb.run('kubectl get deploy -n kube-system metrics-server')).output).toMatch(/^NAME\s+READY/);
    sb.advance(60_000);
    expect((await sb.run('kubectl get apiservices v1beta1.metrics.k8s.io')).output).toMatch(/kube-system\/metrics-server\s+True\s/);
    expect((await sb.run('kubectl top pod -n kube-system')).output).toMatch(/^metrics-server-[a-z0-9]+-[a-z0-9]{5}\s+\d+m\s+17Mi\s*$/m);
  });

  it('a fresh sandbox has none, and an unknown add-on is refused', async () => {
    // kube-system holds what kubeadm installs (CoreDNS), no add-on.
    expect((await new Sandbox().run('kubectl get deploy -n kube-system')).output).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ncoredns +\S+ +\d+ +\d+ +\S+\n$/);
    expect(() => new Sandbox({ addons: ['dashboard'] })).toThrow('unknown add-on: dashboard (known: metrics-server, ingress)');
  });
});
