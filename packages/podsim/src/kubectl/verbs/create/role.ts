/**
 * `kubectl create role NAME --verb=… --resource=…` and `create clusterrole` (also `--non-resource-url`,
 * `--aggregation-rule`): one rule per API group of the named resources (kubectl create_role.go,
 * create_clusterrole.go).
 */
import { findResource } from '../../../api/resources.js';
import type { KubeObject } from '../../../api/types.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { typedMeta } from './job.js';

const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
/** Verbs that only make sense on some resources (specialVerbs), as `group/resource`. */
const SPECIAL_VERBS: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  escalate: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras'],
};

const VERB: FlagSpec = { name: 'verb', type: 'stringSlice', default: [], help: 'Verb that applies to the resources contained in the rule' };
const RESOURCE: FlagSpec = { name: 'resource', type: 'stringSlice', default: [], help: 'Resource that the rule applies to' };
const RESOURCE_NAME: FlagSpec = { name: 'resource-name', type: 'stringArray', default: [], help: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' };
const NON_RESOURCE_URL: FlagSpec = { name: 'non-resource-url', type: 'stringSlice', default: [], help: 'A partial url that user should have access to.' };
const AGGREGATION_RULE: FlagSpec = { name: 'aggregation-rule', type: 'stringArray', default: [], help: 'An aggregation label selector for combining ClusterRoles.' };

interface ResourceRef {
  resource: string;
  group: string;
  sub: string;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

/** `--resource=pods,deployments.apps,pods/log`: `*` alone stands for every resource. */
function parseResources(specs: readonly string[]): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const r of specs) {
    const slash = r.indexOf('/');
    const main = slash < 0 ? r : r.slice(0, slash);
    const dot = main.indexOf('.');
    const ref = { resource: dot < 0 ? main : main.slice(0, dot), group: dot < 0 ? '' : main.slice(dot + 1), sub: slash < 0 ? '' : r.slice(slash + 1) };
    if (ref.resource === '*' && dot < 0 && slash < 0) return [ref];
    out.push(ref);
  }
  return out;
}

/** The REST mapper's answer (plural name and group), or its NoResourceMatch text. */
function mapped(ref: ResourceRef): { resource: string; group: string } | string {
  const info = findResource(ref.group ? `${ref.resource}.${ref.group}` : ref.resource);
  if (info) return { resource: info.resource, group: info.group };
  return `the server doesn't have a resource type ${JSON.stringify(ref.resource)}${ref.group ? ` in group ${JSON.stringify(ref.group)}` : ''}`;
}

/** validateResource: each resource exists, and special verbs name the resources they are for. */
function resourceError(refs: readonly ResourceRef[], verbs: readonly string[]): string | undefined {
  for (const ref of refs) {
    if (!ref.resource) return plainError('resource must be specified if apiGroup/subresource specified');
    if (ref.resource === '*') return undefined;
    const m = mapped(ref);
    const r = typeof m === 'string' ? { resource: ref.resource, group: ref.group } : m;
    let special = false;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.includes(`${r.group}/${r.resource}`)) return plainError(`can not perform '${v}' on '${r.resource}' in group '${r.group}'`);
      special = true;
    }
    // The mapper's error is not kubectl's `error: …` but its standard NoResourceMatch message.
    if (typeof m === 'string' && !special) return `${m}\n`;
  }
  return undefined;
}

/** generateResourcePolicyRules: one rule per API group, sorted by group, then the non-resource URLs. */
function rules(refs: readonly ResourceRef[], verbs: string[], names: string[], urls: string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>();
  for (const ref of refs) {
    const m = mapped(ref);
    const r = typeof m === 'string' ? { resource: ref.resource, group: ref.group } : m;
    const resource = ref.sub ? `${r.resource}/${ref.sub}` : r.resource;
    const list = byGroup.get(r.group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(r.group, list);
  }
  const out: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => ({ apiGroups: [g], ...(names.length ? { resourceNames: names } : {}), resources: byGroup.get(g), verbs }));
  if (urls.length) out.push({ nonResourceURLs: urls, verbs });
  return out;
}

/** The verbs without repeats; `*` stands for all of them. */
function verbsOf(inv: Invocation): string[] {
  const given = inv.flags.list('verb');
  return given.includes('*') ? ['*'] : unique(given);
}

const warnNonStandard = (inv: Invocation, verbs: readonly string[]) => {
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) inv.err(`Warning: '${v}' is not a standard resource verb\n`);
};

export const role: Command = {
  name: 'role',
  short: 'Create a role with single rule',
  usage: 'create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  examples: '# A role that lets a user get, watch and list pods\nkubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods',
  flags: [...COMMON, VERB, RESOURCE, RESOURCE_NAME],
  *run(inv) {
    const name = oneName(inv);
    if (!name) return 1;
    const verbs = verbsOf(inv);
    const refs = parseResources(inv.flags.list('resource'));
    const c = dryRunAndFormat(inv);
    if (!c) return 1;
    let error: string | undefined;
    if (verbs.length === 0) error = plainError('at least one verb must be specified');
    else {
      warnNonStandard(inv, verbs);
      error = refs.length === 0 ? plainError('at least one resource must be specified') : resourceError(refs, verbs);
    }
    if (error) {
      inv.err(error);
      return 1;
    }
    const obj = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: typedMeta(name, explicitNs(inv)), rules: rules(refs, verbs, unique(inv.flags.list('resource-name')), []) };
    return createObject(inv, obj as unknown as KubeObject, c.format, c.dryRun).ok ? 0 : 1;
  },
};

/** Validate of create_clusterrole.go: an aggregation rule alone, or verbs with resources or URLs. */
function clusterRoleError(inv: Invocation, verbs: string[], refs: ResourceRef[], urls: string[], aggregation: string[]): string | undefined {
  if (aggregation.length) {
    if (urls.length || verbs.length || refs.length || inv.flags.list('resource-name').length)
      return plainError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    return undefined;
  }
  if (verbs.length === 0) return plainError('at least one verb must be specified');
  if (refs.length === 0 && urls.length === 0) return plainError('one of resource or nonResourceURL must be specified');
  if (refs.length) {
    warnNonStandard(inv, verbs);
    const e = resourceError(refs, verbs);
    if (e) return e;
  }
  if (urls.length) {
    const bad = verbs.find((v) => !NON_RESOURCE_VERBS.includes(v));
    if (bad !== undefined) return plainError(`invalid verb: '${bad}' for nonResourceURL`);
    for (const u of urls) {
      if (u === '*') continue;
      if (!u.startsWith('/')) return plainError('nonResourceURL should start with /');
      if (u.slice(0, -1).includes('*')) return plainError("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  return undefined;
}

/** `--aggregation-rule=k=v,k2=v2` (a map flag; later keys win). */
function matchLabels(specs: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const pair of specs.flatMap((s) => s.split(','))) {
    const eq = pair.indexOf('=');
    if (eq < 0) return `${pair} must be formatted as key=value`;
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export const clusterrole: Command = {
  name: 'clusterrole',
  short: 'Create a cluster role',
  usage: 'create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  examples: '# A cluster role that lets a user get, watch and list pods\nkubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n\n# A cluster role for a non-resource URL\nkubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*',
  flags: [...COMMON, VERB, RESOURCE, RESOURCE_NAME, NON_RESOURCE_URL, AGGREGATION_RULE],
  *run(inv) {
    const labels = matchLabels(inv.flags.list('aggregation-rule'));
    if (typeof labels === 'string') {
      inv.err(`error: invalid argument ${JSON.stringify(inv.flags.list('aggregation-rule').join(','))} for "--aggregation-rule" flag: ${labels}\nSee '${inv.commandPath} --help' for usage.\n`);
      return 1;
    }
    const name = oneName(inv);
    if (!name) return 1;
    const verbs = verbsOf(inv);
    const refs = parseResources(inv.flags.list('resource'));
    const urls = unique(inv.flags.list('non-resource-url'));
    const c = dryRunAndFormat(inv);
    if (!c) return 1;
    const aggregation = Object.keys(labels);
    const error = clusterRoleError(inv, verbs, refs, urls, aggregation);
    if (error) {
      inv.err(error);
      return 1;
    }
    const body = aggregation.length
      ? { rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: labels }] } }
      : { rules: rules(refs, verbs, unique(inv.flags.list('resource-name')), urls) };
    const obj = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: typedMeta(name, undefined), ...body };
    return createObject(inv, obj as unknown as KubeObject, c.format, c.dryRun).ok ? 0 : 1;
  },
};

