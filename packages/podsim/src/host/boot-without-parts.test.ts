/**
 * The cluster boots as the site's worker boots it: with every lazy part (lazy/part.ts) and the big data
 * (explain schema, tag catalogue, jq) still on their way, as src/build/ cuts them from the worker. Time moves
 * meanwhile (the page ticks the clock); only input waits for them. Boot-time code that reaches for a part
 * throws here, where in the site it would leave the sandbox without a terminal.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { LAZY_PART_CHUNKS } from '../lazy-parts.js';
import { provideLazyPart } from '../lazy/part.js';
import { plainText } from '../format/screen-text.js';
import { provideExplainSchema } from '../kubectl/explain/schema.js';
import { provideTagCatalogue } from '../images/catalogue/catalogue.js';
import { provideJq } from '../programs/clients/jq-engine.js';
import { Sandbox } from './sandbox.js';

vi.mock('../api/kinds/autoscaling.lazy.js', () => ({ default: undefined }));
vi.mock('../api/gated-fields.lazy.js', () => ({ default: undefined }));
vi.mock('../kubelet/resize.lazy.js', () => ({ default: undefined }));
vi.mock('../api/metrics/feature-gates.lazy.js', () => ({ default: undefined }));
vi.mock('../api/pod-security/pod-security.lazy.js', () => ({ default: undefined }));
vi.mock('../api/resource-quota/quota.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/deployment/proportional-scaling.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/hpa/hpa.lazy.js', () => ({ default: undefined }));
vi.mock('../api/kinds/policy.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/disruption/disruption.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/replicaset/deletion-order.lazy.js', () => ({ default: undefined }));
vi.mock('../cluster/apiserver-writes.lazy.js', () => ({ default: undefined }));
vi.mock('../cluster/control-plane.lazy.js', () => ({ default: undefined }));
vi.mock('../host/addons.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/service-proxy/service-proxy.lazy.js', () => ({ default: undefined }));
vi.mock('../format/yaml-parser.lazy.js', () => ({ default: undefined }));
vi.mock('../host/programs/tools.lazy.js', () => ({ default: undefined }));
vi.mock('../images/families.lazy.js', () => ({ default: undefined }));
vi.mock('../kubectl/describers/kinds.lazy.js', () => ({ default: undefined }));
vi.mock('../kubectl/kustomize/kustomize.lazy.js', () => ({ default: undefined }));
vi.mock('../kubectl/printers/formats.lazy.js', () => ({ default: undefined }));
vi.mock('../kubectl/verbs/lazy.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/archive-tools.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/clients/clients.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/gnu-messages.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/packages/managers.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/process-tools.lazy.js', () => ({ default: undefined }));
vi.mock('../tables/rare-kinds.lazy.js', () => ({ default: undefined }));
vi.mock('../api/kinds/batch.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/job/job.lazy.js', () => ({ default: undefined }));
vi.mock('../controllers/cronjob/cronjob.lazy.js', () => ({ default: undefined }));
vi.mock('../programs/checksum.lazy.js', () => ({ default: undefined }));
vi.mock('../api/limit-ranger/limit-ranger.lazy.js', () => ({ default: undefined }));
/** Each part's module, by the part's name (lazy-parts.ts). */
const MOCKED: Record<string, string> = {
  'autoscaling-api': 'api/kinds/autoscaling',
  'gated-pod-fields': 'api/gated-fields',
  'in-place-resize': 'kubelet/resize',
  'feature-gates': 'api/metrics/feature-gates',
  'pod-security': 'api/pod-security/pod-security',
  'resource-quota': 'api/resource-quota/quota',
  'hpa-controller': 'controllers/hpa/hpa',
  'policy-api': 'api/kinds/policy',
  'disruption-controller': 'controllers/disruption/disruption',
  'proportional-scaling': 'controllers/deployment/proportional-scaling',
  'pod-deletion-order': 'controllers/replicaset/deletion-order',
  'apiserver-writes': 'cluster/apiserver-writes',
  'control-plane': 'cluster/control-plane',
  addons: 'host/addons',
  'service-proxy': 'controllers/service-proxy/service-proxy',
  'tables-rare-kinds': 'tables/rare-kinds',
  'yaml-parser': 'format/yaml-parser',
  'host-tools': 'host/programs/tools',
  'image-families': 'images/families',
  describers: 'kubectl/describers/kinds',
  kustomize: 'kubectl/kustomize/kustomize',
  printers: 'kubectl/printers/formats',
  'kubectl-verbs': 'kubectl/verbs/lazy',
  'archive-tools': 'programs/archive-tools',
  'client-tools': 'programs/clients/clients',
  'gnu-messages': 'programs/gnu-messages',
  'package-managers': 'programs/packages/managers',
  'process-tools': 'programs/process-tools',
  'batch-api': 'api/kinds/batch',
  'job-controller': 'controllers/job/job',
  'cronjob-controller': 'controllers/cronjob/cronjob',
  checksums: 'programs/checksum',
  'limit-ranger': 'api/limit-ranger/limit-ranger',
};
vi.mock('../kubectl/explain/schema.generated.json', () => ({ default: { kinds: {}, types: {} } }));
vi.mock('../images/catalogue/tags.generated.json', () => ({ default: { sources: {}, repos: {} } }));
vi.mock('@michaelhomer/jqjs', () => ({ default: {} }));

const SRC = new URL('..', import.meta.url);
const lazyModules = () =>
  (readdirSync(SRC, { recursive: true }) as string[])
    .map((f) => f.replace(/\\/g, '/'))
    .filter((f) => f.endsWith('.lazy.ts'))
    .map((f) => f.slice(0, -'.lazy.ts'.length))
    .sort();

describe('booting with every lazy part still on its way', () => {
  it('mocks every part this package has', () => {
    expect(Object.values(MOCKED).sort()).toEqual(lazyModules());
    expect(Object.keys(MOCKED).sort()).toEqual(Object.keys(LAZY_PART_CHUNKS).sort());
  });

  it('brings the cluster up to a prompt and lets time run; input runs once the parts are there', async () => {
    const sb = new Sandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    // A minute of the page's ticks: the control plane and CoreDNS come up, controllers and kubelets sync.
    for (let i = 0; i < 600; i++) sb.tick(100);
    expect(plainText(sb.screen())).toMatch(/learner@podlab:~\$\s*$/);
    for (const [name, path] of Object.entries(MOCKED)) provideLazyPart(name, (await vi.importActual<{ default: unknown }>(`../${path}.lazy.js`)).default);
    provideExplainSchema((await vi.importActual<{ default: unknown }>('../kubectl/explain/schema.generated.json')).default);
    provideTagCatalogue((await vi.importActual<{ default: unknown }>('../images/catalogue/tags.generated.json')).default);
    provideJq((await vi.importActual<{ default: Parameters<typeof provideJq>[0] }>('@michaelhomer/jqjs')).default);
    const r = await sb.run("printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  containers:\\n  - name: c\\n    image: python:3.12\\n    command: [sleep, \"3600\"]\\n' | kubectl apply -f - && kubectl wait --for=condition=Ready pod/p --timeout=120s && kubectl get pods -n kube-system -o name | wc -l");
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.output).toMatch(/^pod\/p created\npod\/p condition met\n\d+\n$/);
    expect(out).not.toMatch(/part is not loaded/);
  });
});
