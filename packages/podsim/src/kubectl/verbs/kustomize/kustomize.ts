/** `kubectl kustomize [DIR]`: the built resources as one YAML stream, or written to `-o FILE`. */
import { resolvePath } from '../../../kernel/fs.js';
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';
import { runKustomize } from '../../kustomize/run.js';

export const kustomize: Command = {
  name: 'kustomize',
  short: 'Build a kustomization target from a directory or URL',
  usage: 'kustomize DIR [flags] [options]',
  examples: '  # Build the kustomization in the current directory\n  kubectl kustomize\n\n  # Build another directory\n  kubectl kustomize overlays/production',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: 'Write the output to this file instead of standard output.' },
    { name: 'load-restrictor', type: 'string', default: 'LoadRestrictionsRootOnly', help: 'LoadRestrictionsNone lets a kustomization read files outside its directory.' },
    { name: 'enable-helm', type: 'bool', default: false, help: 'Let helmCharts inflate charts (needs a helm binary; none in this sandbox).' },
    { name: 'enable-alpha-plugins', type: 'bool', default: false, help: 'Allow kustomize plugins.' },
  ],
  *run(inv) {
    if (inv.args.length > 1) {
      inv.err(plainError('specify one path to kustomization.yaml'));
      return 1;
    }
    const built = runKustomize(inv, inv.args[0] ?? '.');
    if (!built.ok) {
      inv.err(plainError(built.error));
      return 1;
    }
    const out = inv.flags.str('output');
    if (out === '') {
      inv.out(built.result.yaml);
      return 0;
    }
    inv.host.fs.writeFile(resolvePath(inv.proc.cwd, out), built.result.yaml);
    return 0;
  },
};
