/**
 * The kubectl program of the reader's machine: argv → command lookup → flag parsing → run.
 * Unknown commands, flag errors and exit codes follow kubectl 1.32 (cobra + kubectl CheckErr).
 */
import type { HostContext } from './context.js';
import type { Program } from '../kernel/process.js';
import type { Command, Invocation } from './command.js';
import { plainError } from './errors.js';
import { printingWarnings } from './warnings.js';
import { Flags, parseFlags } from './flags.js';
import { GLOBAL_FLAGS, globalFlagTakesValue } from './global-flags.js';
import { commandHelp, flagsHelp, rootHelp } from './help.js';
import { whenAllLoaded } from '../lazy/part.js';
import { COMMAND_GROUPS, findCommand } from './verbs/index.js';
import { suggestionsFor } from './suggest.js';
import { effectiveContext, unreachable } from './kubeconfig/effective.js';

/** Indexes of positional words in argv (skipping flags and the values of global flags). */
function positionals(argv: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a.length > 1) {
      if (globalFlagTakesValue(a)) i++;
      continue;
    }
    out.push(i);
  }
  return out;
}

interface Resolved {
  cmd: Command;
  path: string;
  rest: string[];
}

function resolve(argv: string[]): Resolved | { unknown: string } | { root: true } {
  const pos = positionals(argv);
  if (pos.length === 0) return { root: true };
  const word = argv[pos[0]];
  const cmd = findCommand(word === 'help' && pos.length > 1 ? argv[pos[1]] : word);
  if (word === 'help' && pos.length === 1) return { root: true };
  if (!cmd) return { unknown: word === 'help' ? argv[pos[1]] : word };
  const drop = new Set<number>(word === 'help' ? [pos[0], pos[1]] : [pos[0]]);
  let found = cmd;
  let path = `kubectl ${cmd.name}`;
  for (let k = word === 'help' ? 2 : 1; found.subcommands && k < pos.length; k++) {
    const w = argv[pos[k]];
    const sub: Command | undefined = found.subcommands.find((c) => c.name === w || c.aliases?.includes(w));
    if (!sub) break;
    found = sub;
    path += ` ${sub.name}`;
    drop.add(pos[k]);
  }
  const rest = argv.filter((_, i) => !drop.has(i));
  if (word === 'help') rest.push('--help');
  return { cmd: found, path, rest };
}

export const kubectl: Program = function* (proc) {
  const host = proc.ctx as HostContext;
  const out = (s: string) => proc.stdout.write(s);
  const err = (s: string) => proc.stderr.write(s);
  const argv = proc.argv.slice(1);
  // Verbs, printers and image families may be lazy parts still on their way (lazy/part.ts).
  const parts = whenAllLoaded();
  if (parts) yield parts;
  const r = resolve(argv);

  if ('root' in r) {
    const parsed = parseFlags(argv, GLOBAL_FLAGS);
    if (!parsed.ok) {
      err(plainError(`${parsed.message}\nSee 'kubectl --help' for usage.`));
      return 1;
    }
    out(rootHelp(COMMAND_GROUPS));
    return 0;
  }
  if ('unknown' in r) {
    const s = suggestionsFor(r.unknown);
    err(plainError(`unknown command ${JSON.stringify(r.unknown)} for "kubectl"${s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : ''}`));
    return 1;
  }
  if (r.cmd.name === 'options') {
    out(`The following options can be passed to any command:\n\n${flagsHelp(GLOBAL_FLAGS)}`);
    return 0;
  }

  const specs = [...r.cmd.flags, ...GLOBAL_FLAGS.filter((g) => !r.cmd.flags.some((f) => f.name === g.name))];
  const parsed = parseFlags(r.rest, specs);
  if (!parsed.ok) {
    err(plainError(`${parsed.message}\nSee '${r.path} --help' for usage.`));
    return 1;
  }
  if (parsed.parsed.help || !r.cmd.run) {
    out(commandHelp(r.cmd, r.path));
    return 0;
  }
  const flags = new Flags(parsed.parsed, specs);
  const nsFlag = flags.str('namespace');
  const inv: Invocation = {
    proc,
    host,
    api: printingWarnings(host.api, proc, err),
    streams: host.streams,
    flags,
    args: parsed.parsed.args,
    argsLenAtDash: parsed.parsed.argsLenAtDash,
    namespace: nsFlag || host.kubeconfig.namespace || 'default',
    namespaceExplicit: nsFlag !== '',
    commandPath: r.path,
    out,
    err,
    now: () => host.clock.now(),
  };
  if (needsCluster(r.path, flags)) {
    const eff = effectiveContext(inv, host.kubeconfig.server);
    if (!eff.ok) {
      if (eff.unreachable) return yield* unreachable(inv, eff.unreachable);
      err(plainError(eff.error ?? ''));
      return 1;
    }
    if (!inv.namespaceExplicit) inv.namespace = eff.info.namespace;
  }
  return yield* r.cmd.run(inv);
};

/** Commands that work on the kubeconfig or the client alone, without reaching a cluster. */
function needsCluster(path: string, flags: Flags): boolean {
  const verb = path.split(' ')[1];
  return !['config', 'completion', 'plugin', 'kustomize'].includes(verb) && !(verb === 'version' && flags.bool('client'));
}
