/**
 * `kubectl set resources (TYPE NAME | TYPE/NAME) [-c C] --limits=cpu=…,memory=… --requests=…`:
 * requests and limits of pod template containers. Models kubectl pkg/cmd/set/set_resources.go.
 */
import { parseQuantity } from '../../../api/quantity.js';
import type { Command } from '../../command.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { resolveTargets } from '../../targets.js';
import { containersToChange, sendChange, TEMPLATE_FLAGS } from './common.js';

/** `cpu=200m,memory=512Mi` (kubectl generate.ParseResourceList wording for bad input). */
function parseList(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const pair of text.split(',')) {
    const [k, v, extra] = pair.split('=');
    if (v === undefined || extra !== undefined) return `invalid argument syntax ${pair}`;
    if (parseQuantity(v) === undefined) return `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
    out[k] = v;
  }
  return out;
}

export const resources: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  usage: 'set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]',
  examples: '# Limits for the nginx container of deployment nginx\nkubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi\n\n# Requests and limits for every container\nkubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
  flags: [
    ...TEMPLATE_FLAGS,
    { name: 'limits', type: 'string', help: 'Resource limits, e.g. cpu=200m,memory=512Mi.' },
    { name: 'requests', type: 'string', help: 'Resource requests, e.g. cpu=100m,memory=256Mi.' },
  ],
  *run(inv) {
    const f = inv.flags;
    const opts = dryRunAndFormat(inv);
    if (!opts) return 1;
    if (inv.args.length === 0) {
      inv.err(plainError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"));
      return 1;
    }
    if (!f.str('limits') && !f.str('requests')) {
      inv.err(plainError('you must specify an update to requests or limits (in the form of --requests/--limits)'));
      return 1;
    }
    const limits = parseList(f.str('limits'));
    const requests = parseList(f.str('requests'));
    for (const r of [limits, requests]) if (typeof r === 'string') return (inv.err(plainError(r)), 1);
    const found = resolveTargets(inv, inv.args, { selector: f.str('selector'), all: f.bool('all') });
    if (!found.ok) return 1;
    let code = 0;
    for (const { info, obj } of found.targets) {
      const { copy, containers } = containersToChange(inv, obj);
      if (containers.length === 0) {
        inv.err(`error: unable to find container named ${f.str('containers')}\n`);
        code = 1;
        continue;
      }
      for (const c of containers) {
        c.resources ??= {};
        if (Object.keys(limits).length) c.resources.limits = { ...(c.resources.limits ?? {}), ...(limits as Record<string, string>) };
        if (Object.keys(requests).length) c.resources.requests = { ...(c.resources.requests ?? {}), ...(requests as Record<string, string>) };
      }
      if (!sendChange(inv, info, obj, copy, 'resource requirements', opts.dryRun, opts.format, 'failed to patch resources update to pod template')) code = 1;
    }
    return code;
  },
};
