/**
 * Resource arguments as kubectl's resource builder reads them: `pods`, `pods a b`, `pod/a deploy/b`,
 * `pods,services`, `all`. Models cli-runtime pkg/resource/builder.go ResourceTypeOrNameArgs.
 */
import type { KubeObject, ResourceInfo } from '../api/types.js';
import { findResource, RESOURCES } from '../api/resources.js';
import type { Invocation } from './command.js';
import { plainError } from './errors.js';

export interface ResourceSelection {
  info: ResourceInfo;
  /** Empty means "all of this type" (list). */
  names: string[];
}

export type ArgsResult = { ok: true; selections: ResourceSelection[]; multipleTypes: boolean } | { ok: false; message: string };

/** The resource builder's error when no argument, file or selector names anything. */
export const NO_RESOURCES_GIVEN =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The resources `kubectl get all` covers, in kubectl's category order. */
const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

export function lookupType(name: string): ResourceInfo | undefined {
  return findResource(name);
}

function expandTypes(spec: string): { ok: true; infos: ResourceInfo[] } | { ok: false; message: string } {
  const infos: ResourceInfo[] = [];
  for (const t of spec.split(',')) {
    if (t === 'all') {
      for (const r of ALL_CATEGORY) {
        const info = RESOURCES.find((x) => x.resource === r);
        if (info) infos.push(info);
      }
      continue;
    }
    const info = findResource(t);
    if (!info) return { ok: false, message: `the server doesn't have a resource type ${JSON.stringify(t)}` };
    if (!infos.includes(info)) infos.push(info);
  }
  return { ok: true, infos };
}

export function parseResourceArgs(args: readonly string[]): ArgsResult {
  if (args.some((a) => a.includes('/'))) {
    const selections: ResourceSelection[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) {
        return {
          ok: false,
          message:
            "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        };
      }
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (name === '') return { ok: false, message: `arguments in resource/name form must have a single resource and name` };
      const info = findResource(type);
      if (!info) return { ok: false, message: `the server doesn't have a resource type ${JSON.stringify(type)}` };
      const existing = selections.find((s) => s.info === info);
      if (existing) existing.names.push(name);
      else selections.push({ info, names: [name] });
    }
    return { ok: true, selections, multipleTypes: selections.length > 1 };
  }
  const [types, ...names] = args;
  const t = expandTypes(types);
  if (!t.ok) return t;
  return { ok: true, selections: t.infos.map((info) => ({ info, names: [...names] })), multipleTypes: t.infos.length > 1 || types.split(',').includes('all') };
}

/** `pod`, `deployment.apps`: how kubectl names a kind in `<kind>/<name>` output. */
export function kindPrefix(info: Pick<ResourceInfo, 'kind' | 'group'>): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

export function objectRef(info: Pick<ResourceInfo, 'kind' | 'group'>, obj: KubeObject): string {
  return `${kindPrefix(info)}/${obj.metadata.name ?? ''}`;
}

/** parseResourceArgs, printing kubectl's error; undefined after an error. */
export function resourceArgs(inv: Invocation, args: readonly string[]): Extract<ArgsResult, { ok: true }> | undefined {
  const parsed = parseResourceArgs(args);
  if (parsed.ok) return parsed;
  inv.err(plainError(parsed.message));
  return undefined;
}
