/**
 * The site worker's loader of podsim's lazily provided parts (lazy/part.ts): each part's contents
 * as a chunk of its own; `loadLazyParts` fetches and provides them all. Node never needs it: there
 * the parts are bundled.
 */
import { provideLazyPart } from './lazy/part.js';

export const LAZY_PART_CHUNKS: Record<string, () => Promise<{ default: unknown }>> = {
  'kubectl-verbs': () => import('./kubectl/verbs/lazy.lazy.js'),
  'image-families': () => import('./images/families.lazy.js'),
  'client-tools': () => import('./programs/clients/clients.lazy.js'),
  printers: () => import('./kubectl/printers/formats.lazy.js'),
  kustomize: () => import('./kubectl/kustomize/kustomize.lazy.js'),
  describers: () => import('./kubectl/describers/kinds.lazy.js'),
  'package-managers': () => import('./programs/packages/managers.lazy.js'),
  'process-tools': () => import('./programs/process-tools.lazy.js'),
  checksums: () => import('./programs/checksum.lazy.js'),
  'archive-tools': () => import('./programs/archive-tools.lazy.js'),
  'gnu-messages': () => import('./programs/gnu-messages.lazy.js'),
  'host-tools': () => import('./host/programs/tools.lazy.js'),
  addons: () => import('./host/addons.lazy.js'),
  'apiserver-writes': () => import('./cluster/apiserver-writes.lazy.js'),
  'yaml-parser': () => import('./format/yaml-parser.lazy.js'),
  'autoscaling-api': () => import('./api/kinds/autoscaling.lazy.js'),
  'batch-api': () => import('./api/kinds/batch.lazy.js'),
  'tables-rare-kinds': () => import('./tables/rare-kinds.lazy.js'),
  'hpa-controller': () => import('./controllers/hpa/hpa.lazy.js'),
  'job-controller': () => import('./controllers/job/job.lazy.js'),
  'cronjob-controller': () => import('./controllers/cronjob/cronjob.lazy.js'),
  'feature-gates': () => import('./api/metrics/feature-gates.lazy.js'),
  'pod-security': () => import('./api/pod-security/pod-security.lazy.js'),
  'resource-quota': () => import('./api/resource-quota/quota.lazy.js'),
  'limit-ranger': () => import('./api/limit-ranger/limit-ranger.lazy.js'),
  'pod-deletion-order': () => import('./controllers/replicaset/deletion-order.lazy.js'),
  'proportional-scaling': () => import('./controllers/deployment/proportional-scaling.lazy.js'),
  'service-proxy': () => import('./controllers/service-proxy/service-proxy.lazy.js'),
  'gated-pod-fields': () => import('./api/gated-fields.lazy.js'),
  'in-place-resize': () => import('./kubelet/resize.lazy.js'),
  'policy-api': () => import('./api/kinds/policy.lazy.js'),
  'disruption-controller': () => import('./controllers/disruption/disruption.lazy.js'),
  'control-plane': () => import('./cluster/control-plane.lazy.js'),
};

export async function loadLazyParts(): Promise<void> {
  await Promise.all(Object.entries(LAZY_PART_CHUNKS).map(async ([name, chunk]) => provideLazyPart(name, (await chunk()).default)));
}
