/** What every config subcommand does around its change: read the files (or fail), write the one changed. */
import type { Command, Invocation } from '../../command.js';
import { commandHelp } from '../../help.js';
import { plainError } from '../../errors.js';
import { mergeConfigs, readConfigFiles, writeConfigFile, type ConfigFile } from '../../kubeconfig/files.js';
import type { KubeConfig } from '../../kubeconfig/model.js';

export function loadConfigs(inv: Invocation): { files: ConfigFile[]; merged: KubeConfig } | undefined {
  const read = readConfigFiles(inv);
  if (!read.ok) {
    inv.err(plainError(read.error));
    return undefined;
  }
  return { files: read.files, merged: mergeConfigs(read.files) };
}

/** Writes `file`; false (after kubectl's error) when it cannot be written. */
export function save(inv: Invocation, file: ConfigFile): boolean {
  const e = writeConfigFile(inv, file);
  if (e) inv.err(plainError(e));
  return !e;
}

/** A failed precondition: kubectl's `error: …` and exit 1. */
export function fail(inv: Invocation, message: string): number {
  inv.err(plainError(message));
  return 1;
}

/** Wrong arguments: kubectl prints the command's help, then the error. */
export function unexpectedArgs(inv: Invocation, cmd: Command, lower = false): number {
  inv.out(commandHelp(cmd, inv.commandPath));
  return fail(inv, `${lower ? 'unexpected' : 'Unexpected'} args: [${inv.args.join(' ')}]`);
}
