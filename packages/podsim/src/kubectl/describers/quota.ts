/**
 * ResourceQuotas as kubectl describes them (describe.go describeQuota, and DescribeResourceQuotas for
 * `describe namespace`): the quota's scopes with their help texts, then Resource/Used/Hard per resource in
 * status.hard, sorted by name.
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { formatQuantity, intValue, parseQuantity } from '../../format/quantity.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** The scopes lines; `bullet` is ' * ' under describe quota and '* ' (one level in) under describe namespace. */
function writeScopes(w: PrefixWriter, level: number, q: ResourceQuota, bullet: string): void {
  const scopes = [...(q.spec?.scopes ?? [])].sort();
  if (!scopes.length) return;
  w.write(level, `Scopes:\t${scopes.join(', ')}\n`);
  for (const s of scopes) if (SCOPE_HELP[s]) w.write(level, `${bullet}${SCOPE_HELP[s]}\n`);
}

export function describeQuota(q: ResourceQuota): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
  writeScopes(w, LEVEL_0, q, ' * ');
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
  w.write(LEVEL_0, '--------\t----\t----\n');
  for (const r of Object.keys(q.status?.hard ?? {}).sort()) {
    const hard = parseQuantity(q.status!.hard![r]);
    let used = parseQuantity(q.status?.used?.[r] ?? '0');
    // A used value in another format than the hard one is shown as a whole number in the hard one's.
    if (used.format !== hard.format) used = { value: intValue(used), format: hard.format };
    w.write(LEVEL_0, `${r}\t${formatQuantity(used)}\t${formatQuantity(hard)}\n`);
  }
  return w.toString();
}

/** The namespace's quotas, merged into one section (sorted by name). */
export function describeNamespaceQuotas(w: PrefixWriter, quotas: ResourceQuota[]): void {
  if (!quotas.length) return w.write(LEVEL_0, 'No resource quota.\n');
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    writeScopes(w, LEVEL_1, q, '* ');
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of Object.keys(q.status?.hard ?? {}).sort()) w.write(LEVEL_1, `${r}\t${q.status?.used?.[r] ?? '0'}\t${q.status!.hard![r]}\n`);
  }
}
