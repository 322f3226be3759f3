/**
 * Every kubectl command in `kubectl --help` order (kubectl pkg/cmd/cmd.go groups). Adding a verb:
 * a folder `verbs/<verb>/` and one line here (a verb the course's first commands do not need: its
 * line in `lazy.lazy.ts`, and `lazy('<verb>')` here).
 */
import { LazyPart } from '../../lazy/part.js';
import type { Command } from '../command.js';
import type { CommandGroup } from '../help.js';
import { lazyCommand } from '../lazy-command.js';
import { apply } from './apply/apply.js';
import { clusterInfo } from './cluster-info/cluster-info.js';
import { del } from './delete/delete.js';
import { describe } from './describe/describe.js';
import { exec } from './exec/exec.js';
import { explain } from './explain/explain.js';
import { get } from './get/get.js';
import { logs } from './logs/logs.js';
import { portForward } from './port-forward/port-forward.js';
import { run } from './run/run.js';
import { version } from './version/version.js';
import { unavailable } from './unavailable.js';
import lazyVerbs from './lazy.lazy.js';

/** Verbs loaded after the prompt in the site's worker (lazy.lazy.ts); kubectl waits for them. */
const LAZY_VERBS = new LazyPart('kubectl-verbs', lazyVerbs);
const lazy = (name: keyof typeof lazyVerbs) => lazyCommand(LAZY_VERBS, name);

export const COMMAND_GROUPS: CommandGroup[] = [
  {
    title: 'Basic Commands (Beginner)',
    commands: [
      lazy('create'),
      lazy('expose'),
      run,
      lazy('set'),
    ],
  },
  {
    title: 'Basic Commands (Intermediate)',
    commands: [explain, get, lazy('edit'), del],
  },
  {
    title: 'Deploy Commands',
    commands: [
      lazy('rollout'),
      lazy('scale'),
      lazy('autoscale'),
    ],
  },
  {
    title: 'Cluster Management Commands',
    commands: [
      unavailable('certificate', 'Modify certificate resources'),
      clusterInfo,
      lazy('top'),
      lazy('cordon'),
      lazy('uncordon'),
      lazy('drain'),
      unavailable('taint', 'Update the taints on one or more nodes'),
    ],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    commands: [
      describe,
      logs,
      lazy('attach'),
      exec,
      portForward,
      lazy('proxy'),
      lazy('cp'),
      lazy('auth'),
      lazy('debug'),
      lazy('events'),
    ],
  },
  {
    title: 'Advanced Commands',
    commands: [
      lazy('diff'),
      apply,
      lazy('patch'),
      lazy('replace'),
      lazy('wait'),
      lazy('kustomize'),
    ],
  },
  {
    title: 'Settings Commands',
    commands: [
      lazy('label'),
      lazy('annotate'),
      unavailable('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
    ],
  },
  {
    title: 'Other Commands',
    commands: [
      lazy('api-resources'),
      lazy('api-versions'),
      lazy('config'),
      unavailable('plugin', 'Provides utilities for interacting with plugins'),
      version,
    ],
  },
];

/** Commands that exist but are not listed in `kubectl --help`. */
const HIDDEN: Command[] = [{ name: 'options', short: 'Print the list of flags inherited by all commands', usage: 'options [flags]', flags: [] }];

export const ALL_COMMANDS: Command[] = COMMAND_GROUPS.flatMap((g) => g.commands);

/** The names Tab completes after `kubectl`: every command, hidden ones and cobra's own `help` included, sorted. */
export const COMMAND_NAMES: string[] = [...ALL_COMMANDS, ...HIDDEN]
  .map((c) => c.name)
  .concat('help')
  .sort();

export function findCommand(name: string): Command | undefined {
  return ALL_COMMANDS.find((c) => c.name === name || c.aliases?.includes(name)) ?? HIDDEN.find((c) => c.name === name);
}
