/**
 * `/metrics` on the API server and, through the nodes/NAME/proxy subresource, on a kubelet. Expected
 * texts: the sidecar tutorial's check (kubernetes.io tutorials/configuration/pod-sidecar-containers:
 * `kubernetes_feature_enabled{name="SidecarContainers",stage="BETA"} 1` on 1.29+), component-base
 * featuregate's TestFeatureGateMetrics (HELP/TYPE lines, stage labels ALPHA/BETA, 0 for a gate off),
 * metrics/version.go's kubernetes_build_info, the 1.32 stages in the feature-gate reference (PodLevelResources
 * alpha from 1.32, InPlacePodVerticalScaling alpha since 1.27, both off; APIListChunking GA) and
 * nodes/strategy.go's NotFound for an unknown node; RBAC's bootstrap policy, which gives /metrics to no
 * service account (responsewriters forbiddenMessage for a non-resource path).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../host/sandbox.js';

const FEATURE_HELP = '# HELP kubernetes_feature_enabled [BETA] This metric records the data about the stage and enablement of a k8s feature.\n# TYPE kubernetes_feature_enabled gauge\n';

describe('component /metrics', () => {
  it('the API server reports each feature gate of 1.32 with its stage and whether it is on', async () => {
    const sb = new Sandbox();
    const r = await sb.run('kubectl get --raw /metrics | grep kubernetes_feature_enabled | grep SidecarContainers');
    expect(r).toEqual({ output: 'kubernetes_feature_enabled{name="SidecarContainers",stage="BETA"} 1\n', exitCode: 0 });
    const all = (await sb.run('kubectl get --raw /metrics')).output;
    expect(all).toContain(FEATURE_HELP);
    expect(all).toContain('kubernetes_feature_enabled{name="PodLevelResources",stage="ALPHA"} 0\n');
    expect(all).toContain('kubernetes_feature_enabled{name="InPlacePodVerticalScaling",stage="ALPHA"} 0\n');
    expect(all).toContain('kubernetes_feature_enabled{name="APIListChunking",stage=""} 1\n');
    expect(all).toMatch(/^# HELP kubernetes_build_info \[ALPHA\] A metric with a constant '1' value labeled by major, minor, git version/);
    expect(all).toContain('kubernetes_build_info{build_date="2025-04-22T16:02:27Z",compiler="gc",git_commit="59526cd4867447956156ae3a602fcbac5d2c5f00",git_tree_state="clean",git_version="v1.32.4",go_version="go1.23.6",major="1",minor="32",platform="linux/amd64"} 1\n');
    // The registry writes samples in the order of their label values.
    const names = [...all.matchAll(/kubernetes_feature_enabled\{name="(\w+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(150);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('reports the gates the cluster was started with (--feature-gates), on the API server and the kubelets alike', async () => {
    const sb = new Sandbox({ featureGates: { PodLevelResources: true, SidecarContainers: false } });
    for (const path of ['/metrics', '/api/v1/nodes/node01/proxy/metrics']) {
      const r = await sb.run(`kubectl get --raw ${path} | grep -E 'name="(PodLevelResources|SidecarContainers|InPlacePodVerticalScaling)"'`);
      expect(r.output).toBe(
        'kubernetes_feature_enabled{name="InPlacePodVerticalScaling",stage="ALPHA"} 0\nkubernetes_feature_enabled{name="PodLevelResources",stage="ALPHA"} 1\nkubernetes_feature_enabled{name="SidecarContainers",stage="BETA"} 0\n',
      );
    }
  });

  it("a node's kubelet answers through the API server's nodes proxy", async () => {
    const sb = new Sandbox();
    const r = await sb.run('kubectl get --raw /api/v1/nodes/node01/proxy/metrics | grep kubernetes_feature_enabled | grep SidecarContainers');
    expect(r).toEqual({ output: 'kubernetes_feature_enabled{name="SidecarContainers",stage="BETA"} 1\n', exitCode: 0 });
    expect((await sb.run('kubectl get --raw /api/v1/nodes/node01/proxy/healthz')).output).toBe('ok');
    expect(await sb.run('kubectl get --raw /api/v1/nodes/nope/proxy/metrics')).toEqual({ output: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
  });

  it('is not for a service account: RBAC refuses the path', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl run c --image=curlimages/curl --command -- sleep 3600');
    sb.advance(10_000);
    const r = await sb.run(`kubectl exec c -- sh -c 'curl -sk -H "Authorization: Bearer $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)" https://kubernetes.default/metrics'`);
    expect(r.output).toContain('"message": "forbidden: User \\"system:serviceaccount:default:default\\" cannot get path \\"/metrics\\"",\n  "reason": "Forbidden",');
  });
});
