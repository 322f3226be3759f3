/** `kubectl top node|pod`: the sandbox runs no metrics-server, as a fresh kubeadm cluster. */
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';

function noMetrics(name: string, short: string, namespaced: boolean): Command {
  return {
    name,
    aliases: [`${name}s`],
    short,
    usage: `top ${name} [NAME | -l label] [options]`,
    flags: [
      ...(namespaced ? [{ name: 'all-namespaces', short: 'A', type: 'bool' as const, default: false, help: 'Every namespace.' }] : []),
      { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
    ],
    *run(inv) {
      inv.err(plainError('Metrics API not available'));
      return 1;
    },
  };
}

export const top: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'top [flags] [options]',
  flags: [],
  subcommands: [noMetrics('node', 'Display resource (CPU/memory) usage of nodes', false), noMetrics('pod', 'Display resource (CPU/memory) usage of pods', true)],
};
