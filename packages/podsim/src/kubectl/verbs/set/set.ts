/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE…` (and `*=IMAGE`): changes container
 * images of pods or pod templates. Models kubectl pkg/cmd/set/set_image.go.
 */
import type { Command } from '../../command.js';
import { DRY_RUN_FLAG, dryRunOf } from '../../dry-run.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import { resolveTargets } from '../../targets.js';
import { env } from './env.js';
import { resources } from './resources.js';

type Containers = { name: string; image?: string }[];

/** The pod spec inside an object: a pod's own, or a workload's template. */
function podSpecOf(obj: Record<string, unknown>): { containers?: Containers; initContainers?: Containers } | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (obj.kind === 'Pod') return spec as { containers?: Containers };
  return (spec.template as { spec?: { containers?: Containers } } | undefined)?.spec;
}

const image: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, help: 'Every object of the type in the namespace.' },
    DRY_RUN_FLAG,
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
  ],
  *run(inv) {
    const resources = inv.args.filter((a) => !a.includes('='));
    const pairs = inv.args.filter((a) => a.includes('='));
    if (resources.length === 0) {
      inv.err(plainError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"));
      return 1;
    }
    const dryRun = dryRunOf(inv);
    if (!dryRun) return 1;
    // Like kubectl's Complete then Validate: the resources are looked up before the images are checked.
    const found = resolveTargets(inv, resources, { selector: inv.flags.str('selector'), all: inv.flags.bool('all') });
    if (!found.ok) return 1;
    if (pairs.length === 0) {
      inv.err(plainError('at least one image update is required'));
      return 1;
    }
    let code = 0;
    for (const { info, obj } of found.targets) {
      const copy = structuredClone(obj) as Record<string, unknown>;
      const spec = podSpecOf(copy);
      const all = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
      for (const p of pairs) {
        const [cname, img] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
        const matches = all.filter((c) => cname === '*' || c.name === cname);
        if (matches.length === 0) {
          inv.err(plainError(`unable to find container named ${JSON.stringify(cname)}`));
          return 1;
        }
        for (const c of matches) c.image = img;
      }
      const name = obj.metadata.name ?? '';
      if (dryRun !== 'client') {
        const r = inv.api.update(info.resource, obj.metadata.namespace, copy, { dryRun: dryRun === 'server' });
        if (!r.ok) {
          inv.err(statusErrorText(r.status));
          code = 1;
          continue;
        }
      }
      inv.out(actionLine(info, name, 'image updated', dryRun));
    }
    return code;
  },
};

export const set: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'set SUBCOMMAND [options]',
  flags: [],
  subcommands: [env, image, resources],
};
