/**
 * `kubectl expose (TYPE NAME | TYPE/NAME) [--port] [--target-port] [--type] [--name]`: a Service
 * selecting the pods of a pod, deployment, replica set or service. Models kubectl pkg/cmd/expose.
 */
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { DRY_RUN_FLAG, dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { serviceFor, type ServicePortSpec } from '../../generators.js';
import { resolveTargets } from '../../targets.js';
import { NO_RESOURCES_GIVEN } from '../delete/delete.js';

type Spec = { selector?: { matchLabels?: Record<string, string> } | Record<string, string>; template?: { spec?: { containers?: { ports?: { containerPort: number; protocol?: string }[] }[] } }; containers?: { ports?: { containerPort: number; protocol?: string }[] }[]; ports?: { port: number; protocol?: string }[] };

export const expose: Command = {
  name: 'expose',
  completes: 'resources',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    DRY_RUN_FLAG,
    { name: 'name', type: 'string', help: 'Name of the new service.' },
    { name: 'output', short: 'o', type: 'string', help: 'Output format.' },
    { name: 'port', type: 'string', help: 'The port the service serves on.' },
    { name: 'protocol', type: 'string', help: 'TCP, UDP or SCTP.' },
    { name: 'selector', type: 'string', help: 'Label selector for the service (default: the exposed object’s).' },
    { name: 'target-port', type: 'string', help: 'The container port traffic goes to.' },
    { name: 'type', type: 'string', help: 'ClusterIP, NodePort, LoadBalancer or ExternalName.' },
  ],
  *run(inv) {
    if (inv.args.length === 0) {
      inv.err(plainError(NO_RESOURCES_GIVEN));
      return 1;
    }
    const opts = dryRunAndFormat(inv);
    if (!opts) return 1;
    const found = resolveTargets(inv, inv.args);
    if (!found.ok) return 1;
    for (const { info, obj } of found.targets) {
      const spec = (obj.spec ?? {}) as Spec;
      let selector: Record<string, string> | undefined;
      if (inv.flags.str('selector')) selector = Object.fromEntries(inv.flags.str('selector').split(',').map((kv) => kv.split('=') as [string, string]));
      else if (info.resource === 'pods') selector = obj.metadata.labels;
      else if (info.resource === 'services') selector = spec.selector as Record<string, string>;
      else selector = (spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
      if (!selector || Object.keys(selector).length === 0) {
        inv.err(plainError(`couldn't retrieve selectors via --selector flag or introspection: the ${info.kind} has no labels or selector`));
        return 1;
      }
      const containers = info.resource === 'pods' ? spec.containers : spec.template?.spec?.containers;
      const known = info.resource === 'services' ? (spec.ports ?? []).map((p) => p.port) : (containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
      const portText = inv.flags.str('port');
      const ports = portText ? [Number(portText)] : known;
      if (ports.length === 0 || ports.some((p) => !Number.isInteger(p))) {
        inv.err(plainError("couldn't find port via --port flag or introspection"));
        return 1;
      }
      const target = inv.flags.str('target-port');
      const specs: ServicePortSpec[] = ports.map((p, i) => ({
        name: ports.length > 1 ? `port-${i + 1}` : undefined,
        port: p,
        targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : p,
        protocol: inv.flags.str('protocol') || 'TCP',
      }));
      const name = inv.flags.str('name') || (obj.metadata.name ?? '');
      const svc = serviceFor({ name, type: inv.flags.str('type') || undefined, ports: specs, selector, labels: obj.metadata.labels, namespace: inv.namespaceExplicit ? inv.namespace : undefined });
      if (!createObject(inv, svc, opts.format, opts.dryRun, 'exposed').ok) return 1;
    }
    return 0;
  },
};
