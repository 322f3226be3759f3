/** `kubectl scale --replicas=N TYPE NAME | TYPE/NAME`: sets spec.replicas (kubectl pkg/cmd/scale). */
import type { Command } from '../../command.js';
import { DRY_RUN_FLAG, dryRunOf } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import { resolveTargets } from '../../targets.js';

export const scale: Command = {
  name: 'scale',
  completes: 'resources',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, help: 'Every object of the type in the namespace.' },
    { name: 'current-replicas', type: 'int', default: -1, help: 'Precondition: the current size must be this (-1: no check).' },
    DRY_RUN_FLAG,
    { name: 'replicas', type: 'int', default: 0, help: 'The new number of replicas.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
  ],
  *run(inv) {
    if (!inv.flags.has('replicas')) {
      inv.err(plainError('required flag(s) "replicas" not set'));
      return 1;
    }
    const replicas = inv.flags.int('replicas');
    if (replicas < 0) {
      inv.err(plainError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'));
      return 1;
    }
    const dryRun = dryRunOf(inv);
    if (!dryRun) return 1;
    if (inv.args.length === 0) {
      inv.err(plainError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"));
      return 1;
    }
    // kubectl collects what it found and reports a lookup failure as having nothing to scale.
    const found = resolveTargets(inv, inv.args, { selector: inv.flags.str('selector'), all: inv.flags.bool('all') }, (status) => plainError(`no objects passed to scale ${status.message ?? ''}`));
    if (!found.ok) return 1;
    const current = inv.flags.int('current-replicas');
    let code = 0;
    for (const { info, obj } of found.targets) {
      if (!['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'].includes(info.resource)) {
        inv.err(plainError(`cannot scale ${info.kind} objects`));
        code = 1;
        continue;
      }
      const name = obj.metadata.name ?? '';
      const size = (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1;
      if (current !== -1 && current !== size) {
        inv.err(plainError(`Expected replicas to be ${current}, was ${size}`));
        return 1;
      }
      if (dryRun !== 'client') {
        const r = inv.api.patch(info.resource, obj.metadata.namespace, name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server' });
        if (!r.ok) {
          inv.err(statusErrorText(r.status));
          code = 1;
          continue;
        }
      }
      inv.out(actionLine(info, name, 'scaled', dryRun));
    }
    return code;
  },
};
