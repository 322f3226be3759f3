/**
 * Which backend an Ingress controller sends a request to, by the Ingress API's rules
 * (networking.k8s.io/v1; the docs' "Path types" and "Hostname wildcards" tables): a rule's host is
 * matched exactly, or a `*.` wildcard matches exactly one DNS label; rules without a host take any
 * host no rule names. Among the paths of the chosen host, an Exact path must equal the request's
 * path; a Prefix path matches element by element on `/` (`/aaa/bbb` matches `/aaa/bbb/ccc`, not
 * `/aaa/bbbxyz`; a trailing slash is ignored); the longest match wins, Exact before Prefix at equal
 * length. ImplementationSpecific is ingress-nginx's plain `location` prefix. No match: the Ingresses'
 * default backend, if one has it.
 */
export interface IngressBackendRef {
  service?: { name: string; port?: { number?: number; name?: string } };
}

export interface IngressRuleSource {
  metadata: { namespace?: string; name?: string };
  spec?: {
    defaultBackend?: IngressBackendRef;
    rules?: { host?: string; http?: { paths?: { path?: string; pathType?: string; backend: IngressBackendRef }[] } }[];
  };
}

export interface Route {
  namespace: string;
  service: string;
  port: number | string;
}

function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost.toLowerCase() === host;
  const suffix = ruleHost.slice(1).toLowerCase();
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
}

/** How well `path` (a rule's) matches `requested`: its length, or -1 for no match. */
function pathScore(pathType: string | undefined, path: string, requested: string): number {
  if (pathType === 'Exact') return path === requested ? path.length + 0.5 : -1;
  if (pathType === 'ImplementationSpecific') return requested.startsWith(path) ? path.length : -1;
  const prefix = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (prefix === '/' || requested === prefix || requested.startsWith(prefix + '/')) return prefix.length;
  return -1;
}

function toRoute(namespace: string, ref: IngressBackendRef | undefined): Route | undefined {
  const svc = ref?.service;
  if (!svc) return undefined;
  return { namespace, service: svc.name, port: svc.port?.number ?? svc.port?.name ?? 80 };
}

export function routeRequest(ingresses: readonly IngressRuleSource[], hostHeader: string, requestPath: string): Route | undefined {
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  const path = requestPath.split('?')[0] || '/';
  const rules = ingresses.flatMap((ing) => (ing.spec?.rules ?? []).map((rule) => ({ ing, rule })));
  // nginx picks one server per host: an exact name, else a wildcard one, else the catch-all.
  const exact = rules.filter(({ rule }) => rule.host && !rule.host.startsWith('*.') && hostMatches(rule.host, host));
  const wildcard = rules.filter(({ rule }) => rule.host?.startsWith('*.') && hostMatches(rule.host, host));
  const server = exact.length ? exact : wildcard.length ? wildcard : rules.filter(({ rule }) => !rule.host);
  let best: { score: number; route: Route | undefined } = { score: -1, route: undefined };
  for (const { ing, rule } of server)
    for (const p of rule.http?.paths ?? []) {
      const score = pathScore(p.pathType, p.path ?? '/', path);
      if (score > best.score) best = { score, route: toRoute(ing.metadata.namespace ?? 'default', p.backend) };
    }
  if (best.score >= 0) return best.route;
  const withDefault = ingresses.find((ing) => ing.spec?.defaultBackend?.service);
  return withDefault ? toRoute(withDefault.metadata.namespace ?? 'default', withDefault.spec?.defaultBackend) : undefined;
}
