/**
 * `kubectl rollout history` (rollout_history.go over history.go's viewers for Deployments, StatefulSets,
 * DaemonSets). Like kubectl it goes on past an object it cannot show and reports the errors at the end.
 */
import type { Command } from '../../command.js';
import { rolloutTargets } from './rollout-targets.js';
import { aggregateErrors } from '../../errors.js';
import { TabWriter } from '../../../format/tabwriter.js';
import { actionLine } from '../../output.js';
import { PrefixWriter } from '../../describers/prefix-writer.js';
import { describePodTemplate } from '../../describers/template.js';
import { unsupported, workloadRevisions } from './workload-history.js';

export const history: Command = {
  name: 'history',
  short: 'View rollout history',
  usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'revision', type: 'int', default: 0, help: 'Show the pod template of this revision.' },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
  ],
  *run(inv) {
    const revision = inv.flags.int('revision');
    const targets = rolloutTargets(inv, () => (revision < 0 ? `revision must be a positive integer: ${revision}` : undefined));
    if (!targets) return 1;
    const errors: string[] = [];
    for (const t of targets) {
      const why = unsupported(t.info, 'history viewer');
      if (why) {
        errors.push(why);
        continue;
      }
      const revisions = workloadRevisions(inv.api, t.info, t.obj);
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      let body: string;
      if (revisions.length === 0) body = 'No rollout history found.';
      else if (revision > 0) {
        const found = revisions.find((r) => r.revision === revision);
        if (!found) {
          errors.push('unable to find the specified revision');
          continue;
        }
        const w = new PrefixWriter({ aligned: false });
        describePodTemplate(w, found.template);
        body = w.toString();
      } else {
        const w = TabWriter.forDescribe();
        w.write('REVISION\tCHANGE-CAUSE\n');
        for (const r of revisions) w.write(`${r.revision}\t${r.changeCause || '<none>'}\n`);
        body = w.flush();
      }
      // kubectl hands the text to its name printer as the operation: `deployment.apps/web <text>`.
      inv.out(`${actionLine(t.info, t.obj.metadata.name ?? '', '').replace(/\n$/, '')}${withRevision}\n${body}\n`);
    }
    if (errors.length) inv.err(aggregateErrors(errors));
    return errors.length ? 1 : 0;
  },
};
