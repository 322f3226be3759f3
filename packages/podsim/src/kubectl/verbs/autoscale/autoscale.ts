/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [--name=NAME]`:
 * an autoscaling/v1 HorizontalPodAutoscaler for a deployment, replica set, stateful set or replication
 * controller. Models kubectl pkg/cmd/autoscale (1.32: a v1 object; --min and --cpu-percent left out when negative).
 */
import type { KubeObject } from '../../../api/types.js';
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { DRY_RUN_FLAG, dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { requiredTargets } from '../../targets.js';

/** What discovery lists a `scale` subresource for. */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

function autoscaler(name: string, target: { apiVersion: string; kind: string; name: string }, min: number, max: number, cpuPercent: number, namespace?: string): KubeObject {
  const metadata: KubeObject['metadata'] = { name, creationTimestamp: null as unknown as string };
  if (namespace) metadata.namespace = namespace;
  const spec: Record<string, unknown> = { scaleTargetRef: { kind: target.kind, name: target.name, apiVersion: target.apiVersion } };
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = max;
  if (cpuPercent >= 0) spec.targetCPUUtilizationPercentage = cpuPercent;
  return { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1', metadata, spec, status: { currentReplicas: 0, desiredReplicas: 0 } };
}

export const autoscale: Command = {
  name: 'autoscale',
  completes: 'resources',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  usage: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  examples:
    '# Between 2 and 10 pods for deployment "foo", at the default CPU target\nkubectl autoscale deployment foo --min=2 --max=10\n\n# Up to 5 pods for replication controller "foo", aiming at 80% of requested CPU\nkubectl autoscale rc foo --max=5 --cpu-percent=80',
  flags: [
    { name: 'cpu-percent', type: 'int', default: -1, help: 'Average CPU use to aim for across the pods, as a percentage of their CPU requests; negative or unset leaves it to the server.' },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-autoscale', help: 'Who the created fields are recorded as managed by.' },
    { name: 'max', type: 'int', default: -1, help: 'The most pods the autoscaler may set. Required.' },
    { name: 'min', type: 'int', default: -1, help: 'The fewest pods the autoscaler may set; negative or unset leaves it to the server.' },
    { name: 'name', type: 'string', help: 'Name of the new autoscaler (default: the name of the resource it scales).' },
    { name: 'output', short: 'o', type: 'string', help: 'Output format: json, yaml, name, go-template, jsonpath and their variants.' },
  ],
  *run(inv) {
    if (!inv.flags.has('max')) {
      inv.err(plainError('required flag(s) "max" not set'));
      return 1;
    }
    const opts = dryRunAndFormat(inv);
    if (!opts) return 1;
    const max = inv.flags.int('max');
    const min = inv.flags.int('min');
    if (max < 1) {
      inv.err(plainError(`--max=MAXPODS is required and must be at least 1, max: ${max}`));
      return 1;
    }
    if (max < min) {
      inv.err(plainError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`));
      return 1;
    }
    const found = requiredTargets(inv, inv.args);
    if (!found.ok) return 1;
    for (const { info, obj } of found.targets) {
      if (!SCALABLE.has(info.resource)) {
        const gv = info.group ? `${info.group}/${info.version}` : `/${info.version}`;
        inv.err(plainError(`cannot autoscale a ${info.kind}: could not find scale subresource for ${gv}, Resource=${info.resource} in discovery information`));
        return 1;
      }
      const ref = { apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, name: obj.metadata.name ?? '' };
      const hpa = autoscaler(inv.flags.str('name') || ref.name, ref, min, max, inv.flags.int('cpu-percent'), inv.namespaceExplicit ? inv.namespace : undefined);
      const action = opts.dryRun === 'client' ? 'created' : 'autoscaled';
      if (!createObject(inv, hpa, opts.format, opts.dryRun, action, undefined, inv.flags.str('field-manager')).ok) return 1;
    }
    return 0;
  },
};
