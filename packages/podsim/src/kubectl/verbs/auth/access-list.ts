/**
 * `kubectl auth can-i --list`: the rules a SelfSubjectRulesReview returns, broken down to one verb
 * each, simple ones merged again, sorted by their Go string form and printed as kubectl 1.32 prints
 * them (kubectl pkg/cmd/auth/cani.go printStatus, pkg/util/rbac).
 */
import type { SubjectRulesReviewStatus } from '../../../api/admin-rules.js';
import { renderRows } from '../../table.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const rule = (r: Partial<Rule>): Rule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

function breakdown(r: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of r.apiGroups)
    for (const resource of r.resources)
      for (const verb of r.verbs) {
        const names = r.resourceNames.length > 0 ? r.resourceNames.map((n) => [n]) : [[]];
        for (const resourceNames of names) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames }));
      }
  for (const url of r.nonResourceURLs) for (const verb of r.verbs) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** One group, one resource, at most one name and no URLs: such rules merge their verbs. */
function simpleKey(r: Rule): string | undefined {
  if (r.resourceNames.length > 1 || r.nonResourceURLs.length > 0 || r.apiGroups.length !== 1 || r.resources.length !== 1) return undefined;
  return JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
}

function compact(rules: Rule[]): Rule[] {
  const other: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const key = simpleKey(r);
    const seen = key === undefined ? undefined : simple.get(key);
    if (key === undefined) other.push(r);
    else if (seen) seen.verbs.push(...r.verbs.filter((v) => !seen.verbs.includes(v)));
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...other, ...simple.values()];
}

const goList = (items: string[]) => `[${items.join(' ')}]`;

/** The generated PolicyRule.String() kubectl sorts by. */
function goString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: `resource.group/subresource`. */
function resourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [name, sub] = resources[0]!.split(/\/(.*)/s);
  return `${name}${groups[0] ? `.${groups[0]}` : ''}${sub !== undefined ? `/${sub}` : ''}`;
}

export function accessList(status: SubjectRulesReviewStatus, noHeaders: boolean): string {
  const rules = [
    ...status.resourceRules.map((r) => rule({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames ?? [] })),
    ...status.nonResourceRules.map((r) => rule({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
  ];
  const sorted = compact(rules.flatMap(breakdown)).map((r) => ({ r, key: goString(r) }));
  sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = sorted.map(({ r }) => [resourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
  return renderRows(noHeaders ? rows : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ...rows]);
}
