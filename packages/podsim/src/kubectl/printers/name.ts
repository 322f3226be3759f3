/**
 * `-o name` and the `<kind>[.<group>]/<name> <verb>` lines of mutating verbs.
 * Models cli-runtime pkg/printers/name.go.
 */
import type { KubeObject } from '../../api/types.js';

/** `pod`, `deployment.apps`: lower-case kind, qualified by the API group unless it is the core group. */
export function qualifiedKind(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const kind = obj.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

/** `pod/nginx`, or `pod/nginx created` / `deployment.apps/web scaled (dry run)` with an operation. */
export function printName(obj: KubeObject, operation?: string): string {
  const name = `${qualifiedKind(obj)}/${obj.metadata.name ?? ''}`;
  return (operation ? `${name} ${operation}` : name) + '\n';
}
