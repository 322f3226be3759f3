/**
 * `kubectl top node|pod`: the sandbox runs no metrics-server, as a fresh kubeadm cluster, so after
 * kubectl's own checks (argument count, --sort-by, NAME with a selector, the selector's syntax) the
 * discovery of metrics.k8s.io finds nothing: `Metrics API not available`. Models kubectl
 * pkg/cmd/top/top_pod.go and top_node.go.
 */
import { parseLabelSelector } from '../../../api/selectors.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';

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
  return fail('Metrics API not available');
}

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
