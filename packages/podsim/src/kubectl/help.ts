/**
 * `--help` texts in kubectl's layout (description, Examples, Available Commands, Options with
 * `--name=default:` then a tab-indented description, Usage, the closing hint). The prose is our own;
 * the structure (usage line, flag names and defaults) follows kubectl 1.32.
 */
import type { Command } from './command.js';
import type { FlagSpec } from './flags.js';

function defaultText(f: FlagSpec): string {
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return String(d === true);
    case 'int':
      return String(typeof d === 'number' ? d : 0);
    case 'duration':
      return typeof d === 'string' ? d : '0s';
    case 'stringArray':
    case 'stringSlice':
      return `[${Array.isArray(d) ? d.join(',') : ''}]`;
    default:
      return `'${typeof d === 'string' ? d : ''}'`;
  }
}

export function flagsHelp(flags: readonly FlagSpec[]): string {
  const sorted = [...flags].sort((a, b) => a.name.localeCompare(b.name));
  return sorted.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.help}\n`).join('\n');
}

export function commandHelp(cmd: Command, path: string): string {
  let s = `${cmd.short}.\n\n`;
  if (cmd.examples) s += `Examples:\n${cmd.examples.replace(/^/gm, '  ')}\n\n`;
  if (cmd.subcommands?.length) {
    const w = Math.max(...cmd.subcommands.map((c) => c.name.length)) + 3;
    s += `Available Commands:\n${cmd.subcommands.map((c) => `  ${c.name.padEnd(w)}${c.short}\n`).join('')}\n`;
  }
  if (cmd.flags.length) s += `Options:\n${flagsHelp(cmd.flags)}\n`;
  s += `Usage:\n  kubectl ${cmd.usage}\n\n`;
  if (cmd.subcommands?.length) s += `Use "${path} <command> --help" for more information about a given command.\n`;
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}

export interface CommandGroup {
  title: string;
  commands: Command[];
}

export function rootHelp(groups: readonly CommandGroup[]): string {
  let s = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  for (const g of groups) {
    s += `${g.title}:\n${g.commands.map((c) => `  ${c.name.padEnd(16)}${c.short}\n`).join('')}\n`;
  }
  s += 'Usage:\n  kubectl [flags] [options]\n\n';
  s += 'Use "kubectl <command> --help" for more information about a given command.\n';
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}
