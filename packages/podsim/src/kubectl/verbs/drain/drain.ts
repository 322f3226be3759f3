/**
 * `kubectl cordon`, `uncordon` and `drain` (kubectl pkg/cmd/drain, pkg/drain): cordon patches
 * spec.unschedulable; drain cordons, then evicts the node's pods through pods/eviction and waits until
 * each is gone. Pods it must not remove stop it with pkg/drain/filters.go's texts unless a flag allows them.
 */
import type { KubeObject, Node, Pod } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { DRY_RUN_FLAG, dryRunOf, type DryRun } from '../../dry-run.js';
import { plainError, statusErrorText, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { actionLine } from '../../output.js';
import { lookupType } from '../../resource-args.js';
import { removePods, type RemovalOptions } from './evict.js';

type NodeObj = Node & KubeObject;
type PodObj = Pod & KubeObject;

const NODE_INFO = { kind: 'Node', group: '' };
const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' };

/** The nodes named by NAME or TYPE/NAME arguments or the selector (the builder's ResourceNames("nodes", …)); undefined after an error. */
function nodesOf(inv: Invocation, use: string): NodeObj[] | undefined {
  const selector = inv.flags.str('selector');
  if (inv.args.length === 0 && !inv.flags.has('selector')) {
    inv.err(usageError(inv.commandPath, `USAGE: ${use} [flags]`));
    return undefined;
  }
  if (inv.args.length > 0 && selector) {
    inv.err(usageError(inv.commandPath, 'cannot specify both a node name and a --selector option'));
    return undefined;
  }
  if (selector) {
    const l = inv.api.list<NodeObj>('nodes', undefined, { labelSelector: selector });
    if (!l.ok) {
      inv.err(statusErrorText(l.status));
      return undefined;
    }
    return l.value.items;
  }
  const nodes: NodeObj[] = [];
  for (const a of inv.args) {
    const slash = a.indexOf('/');
    const name = slash < 0 ? a : a.slice(slash + 1);
    if (slash >= 0) {
      const info = lookupType(a.slice(0, slash));
      if (!info || name === '') {
        inv.err(plainError(!info ? `the server doesn't have a resource type ${JSON.stringify(a.slice(0, slash))}` : 'arguments in resource/name form must have a single resource and name'));
        return undefined;
      }
      if (info.resource !== 'nodes') {
        inv.err(plainError(`expected resource of type node, got "${info.group}/${info.version}, Resource=${info.resource}"`));
        return undefined;
      }
    }
    const got = inv.api.get<NodeObj>('nodes', undefined, name);
    if (!got.ok) {
      inv.err(statusErrorText(got.status));
      return undefined;
    }
    nodes.push(got.value);
  }
  return nodes;
}

/** Cordons or uncordons each node; false when a patch failed. */
function cordonAll(inv: Invocation, nodes: NodeObj[], desired: boolean, dryRun: DryRun): boolean {
  const verb = desired ? 'cordoned' : 'uncordoned';
  let ok = true;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if ((node.spec?.unschedulable ?? false) === desired) {
      inv.out(actionLine(NODE_INFO, name, `already ${verb}`, dryRun));
      continue;
    }
    if (dryRun !== 'client') {
      const r = inv.api.patch('nodes', undefined, name, 'strategic', { spec: { unschedulable: desired || null } }, { dryRun: dryRun === 'server' });
      if (!r.ok) {
        inv.err(plainError(`unable to ${desired ? 'cordon' : 'uncordon'} node ${JSON.stringify(name)}: ${r.status.message ?? ''}`));
        ok = false;
        continue;
      }
    }
    inv.out(actionLine(NODE_INFO, name, verb, dryRun));
  }
  return ok;
}

function cordonCommand(name: 'cordon' | 'uncordon', short: string, desired: boolean): Command {
  return {
    name,
    short,
    usage: `${name} NODE [options]`,
    examples: `# Mark node "foo" as ${desired ? 'unschedulable' : 'schedulable'}\nkubectl ${name} foo`,
    flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
    *run(inv) {
      const dryRun = dryRunOf(inv);
      if (!dryRun) return 1;
      const nodes = nodesOf(inv, `${name} NODE`);
      if (!nodes) return 1;
      return cordonAll(inv, nodes, desired, dryRun) ? 0 : 1;
    },
  };
}

export const cordon = cordonCommand('cordon', 'Mark node as unschedulable', true);
export const uncordon = cordonCommand('uncordon', 'Mark node as schedulable', false);

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

type Verdict = { delete: boolean; warning?: string; error?: string };

/** pkg/drain/filters.go, in its order: DaemonSet, mirror, local storage, unreplicated. */
function verdict(inv: Invocation, pod: PodObj, o: DrainOptions): Verdict {
  const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  let warning: string | undefined;
  if (controller?.kind === 'DaemonSet' && !terminal) {
    const ds = inv.api.get('daemonsets', pod.metadata.namespace, controller.name);
    if (!ds.ok) {
      if (!(ds.status.reason === 'NotFound' && o.force)) return { delete: false, error: ds.status.message ?? '' };
      warning = ds.status.message ?? '';
    } else if (!o.ignoreDaemonSets) return { delete: false, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    else return { delete: false, warning: 'ignoring DaemonSet-managed Pods' };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false };
  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir) && !terminal) {
    if (!o.deleteEmptyDirData) return { delete: false, error: 'Pods with local storage (use --delete-emptydir-data to override)' };
    warning = 'deleting Pods with local storage';
  }
  if (!terminal && !controller) {
    if (!o.force) return { delete: false, error: 'cannot delete Pods that declare no controller (use --force to override)' };
    warning = 'deleting Pods that declare no controller';
  }
  return { delete: true, warning };
}

const podsOn = (inv: Invocation, node: string) => inv.api.list<PodObj>('pods', undefined, { fieldSelector: `spec.nodeName=${node}`, labelSelector: inv.flags.str('pod-selector') || undefined });

/** The pods a drain of the node would still remove (GetPodsForDeletion's Pods() after a failure). */
function pendingPods(inv: Invocation, node: string, o: DrainOptions): string[] {
  const listed = podsOn(inv, node);
  return listed.ok ? listed.value.items.filter((pod) => verdict(inv, pod, o).delete).map((pod) => pod.metadata.name ?? '') : [];
}

/** Messages grouped as PodDeleteList.Warnings()/errors() join them: `message: ns/a, ns/b`. */
function grouped(items: { pod: PodObj; message: string }[], prefix: string): string[] {
  const by = new Map<string, string[]>();
  for (const { pod, message } of items) by.set(message, [...(by.get(message) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return [...by].map(([message, pods]) => `${prefix}${message}: ${pods.join(', ')}`);
}

/** utilerrors.NewAggregate's Error(): one message alone, several in brackets. */
const aggregate = (msgs: string[]): string => (msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`);

export const drain: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  usage: 'drain NODE [options]',
  examples:
    '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\nkubectl drain foo --force\n\n# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\nkubectl drain foo --grace-period=900',
  flags: [
    { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once.' },
    { name: 'delete-emptydir-data', type: 'bool', default: false, help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'disable-eviction', type: 'bool', default: false, help: 'Force drain to use delete, even if eviction is supported.' },
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool', default: false, help: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', default: false, help: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', default: '', help: 'Label selector to filter pods on the node' },
    SELECTOR_FLAG,
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0, help: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'The length of time to wait before giving up, zero means infinite' },
  ],
  *run(inv) {
    const dryRun = dryRunOf(inv);
    if (!dryRun) return 1;
    const nodes = nodesOf(inv, 'drain NODE');
    if (!nodes) return 1;
    if (!cordonAll(inv, nodes, true, dryRun)) return 1;
    const o: DrainOptions = { force: inv.flags.bool('force'), ignoreDaemonSets: inv.flags.bool('ignore-daemonsets'), deleteEmptyDirData: inv.flags.bool('delete-emptydir-data') };
    const grace = inv.flags.int('grace-period');
    const removal: RemovalOptions = {
      deleteOpts: grace >= 0 ? { gracePeriodSeconds: grace, dryRun: dryRun === 'server' } : { dryRun: dryRun === 'server' },
      serverDryRun: dryRun === 'server',
      disableEviction: inv.flags.bool('disable-eviction'),
      timeoutMs: inv.flags.int('timeout'),
      skipWaitForDeleteSeconds: inv.flags.int('skip-wait-for-delete-timeout'),
    };
    const failed: string[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const listed = podsOn(inv, name);
      if (!listed.ok) {
        inv.err(statusErrorText(listed.status));
        return 1;
      }
      const judged = listed.value.items.map((pod) => ({ pod, v: verdict(inv, pod, o) }));
      const errors = grouped(judged.filter((j) => j.v.error !== undefined).map((j) => ({ pod: j.pod, message: j.v.error ?? '' })), 'cannot delete ');
      if (errors.length > 0) {
        const message = aggregate(errors);
        inv.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${message}, continuing command...\n`);
        failed.push(message);
        remaining.push(name);
        continue;
      }
      const warnings = grouped(judged.filter((j) => j.v.warning !== undefined).map((j) => ({ pod: j.pod, message: j.v.warning ?? '' })), '');
      if (warnings.length > 0) inv.err(`Warning: ${warnings.join('; ')}\n`);
      const victims = judged.filter((j) => j.v.delete).map((j) => j.pod);
      if (dryRun === 'client') {
        for (const p of victims) inv.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
      } else if (victims.length > 0) {
        const errs = yield* removePods(inv, victims, removal);
        if (errs.length > 0) {
          const message = aggregate(errs);
          const pending = pendingPods(inv, name, o);
          if (pending.length > 0) inv.err(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${message}\n${pending.map((p) => `pod/${p}\n`).join('')}`);
          inv.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${message}, continuing command...\n`);
          failed.push(message);
          remaining.push(name);
          continue;
        }
      }
      inv.out(actionLine(NODE_INFO, name, 'drained', dryRun));
    }
    if (remaining.length === 0) return 0;
    inv.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    // cmdutil.CheckErr prints each error of the aggregate on its own line, without `error: `.
    inv.err(failed.map((m) => `${m}\n`).join(''));
    return 1;
  },
};
