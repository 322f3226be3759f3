/**
 * `kubectl top node|pod`: after kubectl's own checks (argument count, --sort-by, NAME with a selector,
 * the selector's syntax) discovery must list metrics.k8s.io/v1beta1, which a fresh kubeadm cluster
 * lacks until metrics-server is installed (`Metrics API not available`); then the PodMetrics or
 * NodeMetrics come from the Metrics API, and an empty answer is explained from the pods' ages.
 * Models kubectl pkg/cmd/top/top_pod.go and top_node.go.
 */
import { parseLabelSelector } from '../../../api/selectors.js';
import type { KubeObject, Status } from '../../../api/types.js';
import { goDuration } from '../../../format/duration.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { nodeTable, podTable, type NodeMetrics, type PodMetrics } from './printer.js';

const METRICS = '/apis/metrics.k8s.io/v1beta1';
/** metricsCreationDelay: a pod younger than this may simply not have been scraped yet. */
const CREATION_DELAY_MS = 2 * 60_000;

const SORT_BY: FlagSpec = { name: 'sort-by', type: 'string', help: "If non-empty, sort the list using specified field. The field can be either 'cpu' or 'memory'." };
const NO_HEADERS: FlagSpec = { name: 'no-headers', type: 'bool', default: false, help: 'If present, print output without headers.' };
const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' };
const PROTOBUF: FlagSpec = { name: 'use-protocol-buffers', type: 'bool', default: true, help: 'Enables using protocol-buffers to access Metrics API.' };

interface TopKind {
  name: 'pod' | 'node';
  /** Validate's wording when a NAME comes with a selector. */
  nameAndSelector: string;
  hasSelector(inv: Invocation): boolean;
}

function* runTop(inv: Invocation, kind: TopKind) {
  const use = `${kind.name} [NAME | -l label]`;
  if (inv.args.length > 1) {
    inv.err(usageError(`kubectl top ${kind.name}`, use));
    return 1;
  }
  const sortBy = inv.flags.str('sort-by');
  const fail = (message: string) => {
    inv.err(plainError(message));
    return 1;
  };
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return fail('--sort-by accepts only cpu or memory');
  if (inv.args.length === 1 && kind.hasSelector(inv)) return fail(kind.nameAndSelector);
  const selector = inv.flags.str('selector');
  if (selector) {
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) return fail(parsed.message);
  }
  if (!(inv.api.aggregated?.() ?? []).some((g) => g.group === 'metrics.k8s.io' && g.version === 'v1beta1')) return fail('Metrics API not available');
  return kind.name === 'pod' ? topPods(inv, fail) : topNodes(inv, fail);
}

type Got<T> = { ok: true; value: T } | { ok: false; text: string };

/** A GET of the Metrics API through the aggregator: the object, or kubectl's text for the error. */
function metricsGet<T>(inv: Invocation, path: string, query: Record<string, string | undefined> = {}): Got<T> {
  const q = Object.entries(query).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  const r = inv.api.proxyGet?.(`${METRICS}${path}${q.length ? `?${q.join('&')}` : ''}`);
  if (!r) return { ok: false, text: plainError('the server could not find the requested resource') };
  let body: unknown;
  try {
    body = JSON.parse(r.body);
  } catch {
    return { ok: false, text: `Error from server (ServiceUnavailable): ${r.body.trim()}\n` };
  }
  return r.code === 200 ? { ok: true, value: body as T } : { ok: false, text: statusErrorText(body as Status) };
}

/**
 * verifyEmptyMetrics: no pods at all is no error; a pod scraped long ago with no metrics is named
 * with its age; otherwise they are all too new: `metrics not available yet`.
 */
function emptyReason(inv: Invocation, labelSelector?: string, fieldSelector?: string): string | undefined {
  const pods = inv.api.list('pods', inv.namespace, { labelSelector, fieldSelector });
  if (!pods.ok) return statusErrorText(pods.status);
  if (pods.value.items.length === 0) return undefined;
  for (const p of pods.value.items) {
    const age = inv.now() - Date.parse(p.metadata.creationTimestamp ?? '');
    if (age > CREATION_DELAY_MS) return `Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDuration(age)}`;
  }
  return 'metrics not available yet';
}

function topPods(inv: Invocation, fail: (m: string) => number): number {
  const all = inv.flags.bool('all-namespaces');
  const name = inv.args[0];
  const labelSelector = inv.flags.str('selector') || undefined;
  const fieldSelector = inv.flags.str('field-selector') || undefined;
  const base = all ? '' : `/namespaces/${inv.namespace}`;
  const got = name ? metricsGet<PodMetrics>(inv, `${base}/pods/${name}`) : metricsGet<{ items: PodMetrics[] }>(inv, `${base}/pods`, { labelSelector, fieldSelector });
  if (!got.ok) {
    inv.err(got.text);
    return 1;
  }
  const items = 'items' in got.value ? got.value.items : [got.value];
  if (items.length === 0) {
    const why = emptyReason(inv, labelSelector, fieldSelector);
    if (why) return fail(why);
    inv.err(all ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  inv.out(podTable(items, { containers: inv.flags.bool('containers'), withNamespace: all, noHeaders: inv.flags.bool('no-headers'), sortBy: inv.flags.str('sort-by') || undefined, sum: inv.flags.bool('sum') }));
  return 0;
}

function topNodes(inv: Invocation, fail: (m: string) => number): number {
  const name = inv.args[0];
  const labelSelector = inv.flags.str('selector') || undefined;
  const got = name ? metricsGet<NodeMetrics>(inv, `/nodes/${name}`) : metricsGet<{ items: NodeMetrics[] }>(inv, '/nodes', { labelSelector });
  if (!got.ok) {
    inv.err(got.text);
    return 1;
  }
  const items = 'items' in got.value ? got.value.items : [got.value];
  if (items.length === 0) return fail('metrics not available yet');
  const nodes = name ? inv.api.get('nodes', undefined, name) : inv.api.list('nodes', undefined, { labelSelector });
  if (!nodes.ok) {
    inv.err(statusErrorText(nodes.status));
    return 1;
  }
  const field = inv.flags.bool('show-capacity') ? 'capacity' : 'allocatable';
  const available = new Map<string, Record<string, string> | undefined>();
  for (const n of 'items' in nodes.value ? (nodes.value.items as NodeObj[]) : [nodes.value as NodeObj]) available.set(n.metadata.name ?? '', n.status?.[field]);
  inv.out(nodeTable(items, available, { noHeaders: inv.flags.bool('no-headers'), sortBy: inv.flags.str('sort-by') || undefined }));
  return 0;
}

type NodeObj = KubeObject & { status?: { allocatable?: Record<string, string>; capacity?: Record<string, string> } };

const podKind: TopKind = { name: 'pod', nameAndSelector: 'only one of NAME or selector can be provided', hasSelector: (inv) => !!inv.flags.str('selector') || !!inv.flags.str('field-selector') };
const nodeKind: TopKind = { name: 'node', nameAndSelector: 'only one of NAME or --selector can be provided', hasSelector: (inv) => !!inv.flags.str('selector') };

function topCommand(kind: TopKind, rest: Omit<Command, 'name' | 'usage' | 'run'>): Command {
  return { ...rest, name: kind.name, usage: `top ${kind.name} [NAME | -l label] [options]`, run: (inv) => runTop(inv, kind) };
}

const topPod = topCommand(podKind, {
  aliases: ['pods', 'po'],
  completes: 'pods',
  short: 'Display resource (CPU/memory) usage of pods',
  examples: '# Usage of every pod in the current namespace\nkubectl top pod\n\n# Usage of one pod, container by container\nkubectl top pod web --containers\n\n# Pods labelled app=web, busiest first\nkubectl top pod -l app=web --sort-by=cpu',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'containers', type: 'bool', default: false, help: 'If present, print usage of containers within a pod.' },
    { name: 'field-selector', type: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    NO_HEADERS,
    SELECTOR,
    SORT_BY,
    { name: 'sum', type: 'bool', default: false, help: 'Print the sum of the resource usage' },
    PROTOBUF,
  ],
});

const topNode = topCommand(nodeKind, {
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  examples: '# Usage of every node\nkubectl top node\n\n# Usage of one node against its capacity\nkubectl top node controlplane --show-capacity',
  flags: [
    NO_HEADERS,
    SELECTOR,
    { name: 'show-capacity', type: 'bool', default: false, help: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    SORT_BY,
    PROTOBUF,
  ],
});

export const top: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'top [flags] [options]',
  flags: [],
  subcommands: [topNode, topPod],
};
