/**
 * What a page's prerequisites ask of the reader's cluster beyond a default one: the feature gates they say
 * must be enabled ("The `PodLevelResources` [feature gate](…) must be enabled for your control plane and
 * for all nodes"), which the reader turned on when creating the cluster (kind's `featureGates:`, kubeadm's
 * `--feature-gates`).
 */
import RELEASE_GATES from '../../src/api/metrics/feature-gates.lazy.js';

/** The prerequisites section: from its heading to the next H2 or the steps marker. */
function prerequisitesOf(md: string): string {
  const start = md.search(/^##\s*\{\{%\s*heading\s+"prerequisites"\s*%\}\}/m);
  if (start < 0) return '';
  const rest = md.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^##\s|^<!--\s*(steps|lessoncontent)\s*-->/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Gates of the release that are off by default and that the page's prerequisites name as a feature gate. */
export function requiredGates(md: string): string[] {
  const off = new Set(RELEASE_GATES.split(' ').filter((w) => w.endsWith('0')).map((w) => w.split(':')[0]));
  const named = [...prerequisitesOf(md).matchAll(/`(\w+)`\s*\[feature\s+gate\]/g)].map((m) => m[1]);
  return [...new Set(named.filter((g) => off.has(g)))].sort();
}
