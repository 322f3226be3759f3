/**
 * A read-only ApiClient over fixed lists of objects, for describer tests. Understands the
 * `involvedObject.name=` and `spec.nodeName=` field selectors the describers send.
 */
import type { ApiClient, ApiResult, KubeObject, ObjectList } from '../../api/types.js';

const notFound = (resource: string, name: string): ApiResult<never> => ({
  ok: false,
  status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${resource} "${name}" not found` },
});

function fieldMatches(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [path, value] = term.split('=');
    const actual = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
    return (actual ?? '') === value;
  });
}

export function fakeApi(store: Record<string, KubeObject[]>): ApiClient {
  const unsupported = (): ApiResult<never> => ({ ok: false, status: { message: 'read-only fake', reason: 'MethodNotAllowed' } });
  const inNs = (o: KubeObject, ns: string | undefined) => ns === undefined || (o.metadata.namespace ?? '') === ns || !o.metadata.namespace;
  return {
    resources: () => [],
    get: <T extends KubeObject>(resource: string, ns: string | undefined, name: string) => {
      const found = (store[resource] ?? []).find((o) => o.metadata.name === name && inNs(o, ns));
      return (found ? { ok: true, value: found as T } : notFound(resource, name)) as ApiResult<T>;
    },
    list: <T extends KubeObject>(resource: string, ns: string | undefined, opts?: { fieldSelector?: string }) => {
      const items = (store[resource] ?? []).filter((o) => inNs(o, ns) && fieldMatches(o, opts?.fieldSelector)) as T[];
      const value: ObjectList<T> = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items };
      return { ok: true, value };
    },
    create: unsupported,
    update: unsupported,
    updateStatus: unsupported,
    patch: unsupported,
    delete: unsupported,
    watch: () => () => undefined,
    bind: unsupported,
    createToken: unsupported,
  };
}
