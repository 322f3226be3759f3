/**
 * Every kubectl command in `kubectl --help` order (kubectl pkg/cmd/cmd.go groups). Adding a verb:
 * a folder `verbs/<verb>/` and one line here.
 */
import type { Command } from '../command.js';
import type { CommandGroup } from '../help.js';
import { apiResources, apiVersions } from './api-resources/api-resources.js';
import { apply } from './apply/apply.js';
import { attach } from './attach/attach.js';
import { auth } from './auth/auth.js';
import { clusterInfo } from './cluster-info/cluster-info.js';
import { config } from './config/config.js';
import { cp } from './cp/cp.js';
import { create } from './create/create.js';
import { debug } from './debug/debug.js';
import { del } from './delete/delete.js';
import { describe } from './describe/describe.js';
import { diff } from './diff/diff.js';
import { cordon, drain, uncordon } from './drain/drain.js';
import { edit } from './edit/edit.js';
import { events } from './events/events.js';
import { exec } from './exec/exec.js';
import { explain } from './explain/explain.js';
import { expose } from './expose/expose.js';
import { get } from './get/get.js';
import { kustomize } from './kustomize/kustomize.js';
import { annotate, label } from './label/label.js';
import { logs } from './logs/logs.js';
import { patch } from './patch/patch.js';
import { portForward } from './port-forward/port-forward.js';
import { proxy } from './proxy/proxy.js';
import { replace } from './replace/replace.js';
import { rollout } from './rollout/rollout.js';
import { run } from './run/run.js';
import { scale } from './scale/scale.js';
import { set } from './set/set.js';
import { top } from './top/top.js';
import { version } from './version/version.js';
import { wait } from './wait/wait.js';
import { unavailable } from './unavailable.js';

export const COMMAND_GROUPS: CommandGroup[] = [
  {
    title: 'Basic Commands (Beginner)',
    commands: [
      create,
      expose,
      run,
      set,
    ],
  },
  {
    title: 'Basic Commands (Intermediate)',
    commands: [explain, get, edit, del],
  },
  {
    title: 'Deploy Commands',
    commands: [
      rollout,
      scale,
      unavailable('autoscale', 'Auto-scale a deployment or replica set'),
    ],
  },
  {
    title: 'Cluster Management Commands',
    commands: [
      unavailable('certificate', 'Modify certificate resources'),
      clusterInfo,
      top,
      cordon,
      uncordon,
      drain,
      unavailable('taint', 'Update the taints on one or more nodes'),
    ],
  },
  {
    title: 'Troubleshooting and Debugging Commands',
    commands: [
      describe,
      logs,
      attach,
      exec,
      portForward,
      proxy,
      cp,
      auth,
      debug,
      events,
    ],
  },
  {
    title: 'Advanced Commands',
    commands: [
      diff,
      apply,
      patch,
      replace,
      wait,
      kustomize,
    ],
  },
  {
    title: 'Settings Commands',
    commands: [
      label,
      annotate,
      unavailable('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
    ],
  },
  {
    title: 'Other Commands',
    commands: [
      apiResources,
      apiVersions,
      config,
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
