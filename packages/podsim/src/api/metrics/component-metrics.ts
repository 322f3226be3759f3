/**
 * The component metrics every Kubernetes server exposes on `/metrics` (kube-apiserver on its port, the
 * kubelet on 10250) that readers look up: `kubernetes_build_info` and one `kubernetes_feature_enabled`
 * sample per feature gate, in the Prometheus text format, families and samples in the registry's order
 * (by name, then by label values). Models component-base metrics/version.go and
 * featuregate/feature_gate.go AddMetrics; the other families (request latencies, Go runtime) are left out.
 */
import { LazyPart } from '../../lazy/part.js';
import { VERSION_INFO } from '../../version.js';
import type { FeatureGates } from '../feature-gates.js';
import part from './feature-gates.lazy.js';

/** The release's feature gates (`NAME:SV` words, scripts/gen-feature-gates.ts): only /metrics needs them. */
export const FEATURE_GATES = new LazyPart('feature-gates', part);

/** Whether the release registers the gate `name` (unknowable before the part is there: then any name passes). */
export function isReleaseGate(name: string): boolean {
  return !FEATURE_GATES.loaded || FEATURE_GATES.get().split(' ').some((w) => w.startsWith(`${name}:`));
}

/** featuregate prerelease → the metric's stage label; GA's is empty. */
const STAGE: Record<string, string> = { A: 'ALPHA', B: 'BETA', G: '', D: 'DEPRECATED' };

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text of `GET /metrics` on a component of this release started with `gates`. */
export function componentMetricsText(set?: FeatureGates): string {
  const v = VERSION_INFO;
  const build = `build_date="${v.buildDate}",compiler="${v.compiler}",git_commit="${v.gitCommit}",git_tree_state="${v.gitTreeState}",git_version="${v.gitVersion}",go_version="${v.goVersion}",major="${v.major}",minor="${v.minor}",platform="${v.platform}"`;
  const gates = FEATURE_GATES.get()
    .split(' ')
    .map((w) => {
      const [name, sv] = w.split(':');
      const on = set?.override(name);
      return { name, stage: STAGE[sv[0]], on: on === undefined ? sv[1] : on ? '1' : '0' };
    })
    .sort((a, b) => byteOrder(a.name, b.name));
  return [
    "# HELP kubernetes_build_info [ALPHA] A metric with a constant '1' value labeled by major, minor, git version, git commit, git tree state, build date, Go version, and compiler from which Kubernetes was built, and platform on which it is running.",
    '# TYPE kubernetes_build_info gauge',
    `kubernetes_build_info{${build}} 1`,
    '# HELP kubernetes_feature_enabled [BETA] This metric records the data about the stage and enablement of a k8s feature.',
    '# TYPE kubernetes_feature_enabled gauge',
    ...gates.map((g) => `kubernetes_feature_enabled{name="${g.name}",stage="${g.stage}"} ${g.on}`),
    '',
  ].join('\n');
}

/** The content type the Prometheus handler answers a plain GET with (text format 0.0.4). */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
