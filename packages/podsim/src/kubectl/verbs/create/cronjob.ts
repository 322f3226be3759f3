/** `kubectl create cronjob NAME --image=IMAGE --schedule=CRON [--restart=…] [-- COMMAND…]` (kubectl create_cronjob.go). */
import type { KubeObject } from '../../../api/types.js';
import type { Command } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { COMMON, explicitNs } from './common.js';
import { IMAGE_FLAG, nameAndCommand, podTemplate, typedMeta } from './job.js';

export const cronjob: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  usage: "create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  examples: '# A cron job printing the date every minute\nkubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  flags: [
    ...COMMON,
    IMAGE_FLAG,
    { name: 'restart', type: 'string', help: "The restart policy of the job's pods: OnFailure (the default) or Never." },
    { name: 'schedule', type: 'string', help: 'When to run, in cron format.' },
  ],
  *run(inv) {
    // cobra checks required flags before the command runs, naming them in flag order.
    const missing = ['image', 'schedule'].filter((f) => !inv.flags.str(f));
    if (missing.length) {
      inv.err(plainError(`required flag(s) ${missing.map((f) => JSON.stringify(f)).join(', ')} not set`));
      return 1;
    }
    const named = nameAndCommand(inv);
    const c = named && dryRunAndFormat(inv);
    if (!named || !c) return 1;
    const { name, command } = named;
    const obj = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: typedMeta(name, explicitNs(inv)),
      spec: {
        schedule: inv.flags.str('schedule'),
        jobTemplate: { metadata: typedMeta(name, undefined), spec: { template: podTemplate(name, inv.flags.str('image'), command, inv.flags.str('restart') || 'OnFailure') } },
      },
      status: {},
    } as unknown as KubeObject;
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create cronjob:').ok ? 0 : 1;
  },
};
