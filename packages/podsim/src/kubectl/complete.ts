/** kubectl's shell completion (what `source <(kubectl completion bash)` gives), served from the cluster's API. */
import { RESOURCES } from '../api/resources.js';
import type { ApiClient } from '../api/types.js';
import type { HostContext } from './context.js';
import type { Shell } from '../shell/shell.js';
import { fileCandidates } from '../shell/complete-files.js';
import type { FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { COMMAND_NAMES, findCommand } from './verbs/index.js';


/** A flag as bash completion offers it: `--name=` when it takes a value, `--name` for a switch. */
const flagWord = (f: FlagSpec): string => (f.type === 'bool' ? `--${f.name}` : `--${f.name}=`);

/** The verb's own flags (from its definition in verbs/), then the global ones. */
function flagsOf(verb: string | undefined): string[] {
  const own = verb ? (findCommand(verb)?.flags ?? []) : [];
  return [...own, ...GLOBAL_FLAGS].map(flagWord).concat('--help');
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns=', 'go-template='];

function api(sh: Shell): ApiClient | undefined {
  return (sh.proc.ctx as Partial<HostContext> | undefined)?.api;
}

function namespaceOf(sh: Shell, args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '-n' || a === '--namespace') && args[i + 1]) return args[i + 1];
    const m = /^(?:-n|--namespace)=(.+)$/.exec(a);
    if (m) return m[1];
  }
  return (sh.proc.ctx as Partial<HostContext> | undefined)?.kubeconfig?.namespace ?? 'default';
}

function names(sh: Shell, resource: string, namespace: string): string[] {
  const client = api(sh);
  if (!client) return [];
  const info = RESOURCES.find((r) => r.resource === resource);
  const r = client.list(resource, info?.namespaced === false ? undefined : namespace);
  return r.ok ? r.value.items.map((o) => o.metadata.name ?? '').filter(Boolean) : [];
}

function resourceOf(word: string): string | undefined {
  const w = word.toLowerCase().split('/')[0];
  return RESOURCES.find((r) => r.resource === w || r.singular === w || r.shortNames.includes(w) || r.kind.toLowerCase() === w)?.resource;
}

/** Candidates for `word` after `kubectl <args…>`, or undefined to fall back to file names. */
export function completeKubectl(sh: Shell, args: string[], word: string): string[] | undefined {
  const prev = args[args.length - 1];
  if (prev === '-f' || prev === '--filename') return fileCandidates(sh, word);
  if (prev === '-n' || prev === '--namespace') return names(sh, 'namespaces', '').filter((n) => n.startsWith(word));
  if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS.filter((f) => f.startsWith(word));
  const positional = args.filter(
    (a, i) => !a.startsWith('-') && !['-n', '--namespace', '-o', '--output', '-c', '--container', '-l', '--selector'].includes(args[i - 1] ?? ''),
  );
  if (positional.includes('--')) return undefined;
  const verb = positional[0];
  if (word.startsWith('-')) return flagsOf(verb).filter((f) => f.startsWith(word));
  if (verb === undefined) return COMMAND_NAMES.filter((v) => v.startsWith(word));
  const ns = namespaceOf(sh, args);
  // What the verb's arguments name comes from its definition in verbs/.
  const completes = findCommand(verb)?.completes;
  if (completes === 'pods' && positional.length === 1) return names(sh, 'pods', ns).filter((n) => n.startsWith(word));
  if (completes === 'resources') {
    if (positional.length === 1) {
      if (word.includes('/')) {
        const res = resourceOf(word);
        const prefix = word.slice(0, word.indexOf('/') + 1);
        return res
          ? names(sh, res, ns)
              .map((n) => prefix + n)
              .filter((n) => n.startsWith(word))
          : [];
      }
      return RESOURCES.map((r) => r.resource).filter((r) => r.startsWith(word));
    }
    const res = resourceOf(positional[1]);
    if (res) return names(sh, res, ns).filter((n) => n.startsWith(word));
  }
  return undefined;
}
