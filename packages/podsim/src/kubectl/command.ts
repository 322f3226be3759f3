/**
 * What a kubectl command is (a cobra command, reduced): its name, help text, flags and a run
 * step; and what a running command gets (`Invocation`). Verbs live in `verbs/<verb>/`.
 */
import type { ApiClient, PodStreams } from '../api/types.js';
import type { HostContext } from './context.js';
import type { Proc } from '../kernel/process.js';
import type { Task } from '../kernel/waitable.js';
import type { FlagSpec, Flags } from './flags.js';

export interface Command {
  name: string;
  aliases?: string[];
  /** One-line description shown in `kubectl --help` and as the help's first line. */
  short: string;
  /** The `Usage:` line without the leading `kubectl ` (e.g. `get [(-o|--output=)...] [options]`). */
  usage: string;
  examples?: string;
  flags: FlagSpec[];
  /**
   * What Tab offers for the first arguments (upstream's ValidArgsFunction): resource types, then names
   * of that type (`resources`), or pod names (`pods`).
   */
  completes?: 'resources' | 'pods';
  subcommands?: Command[];
  run?(inv: Invocation): Task<number>;
}

export interface Invocation {
  proc: Proc;
  host: HostContext;
  api: ApiClient;
  streams: PodStreams;
  flags: Flags;
  args: string[];
  /** Positional args before `--`, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  /** `-n` value, else the kubeconfig namespace. */
  namespace: string;
  namespaceExplicit: boolean;
  /** `kubectl get`, `kubectl create deployment`: for usage hints. */
  commandPath: string;
  out(text: string): void;
  err(text: string): void;
  now(): number;
}
