/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend]
 * [--annotation]` (kubectl create_ingress.go): rules of one host share a rule, a path ending in `*` is
 * a Prefix (else Exact), TLS entries are grouped by secret. Texts and shapes checked against kubectl 1.32.
 */
import type { KubeObject } from '../../../api/types.js';
import type { Any } from '../../../api/objects.js';
import type { Command, Invocation } from '../../command.js';
import { createObject } from '../../create-object.js';
import { dryRunAndFormat } from '../../dry-run.js';
import { plainError } from '../../errors.js';
import { COMMON, explicitNs, oneName } from './common.js';
import { typedMeta } from './job.js';

/** kubectl's check is not anchored at the end: whatever follows `svc:port` up to a comma is the port. */
const RULE = /^[\w*\-.]*\/.*=[\w-]+:[\w-]+/;

function backend(svc: string): Any {
  const [name, port = ''] = svc.split(':');
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** The first error kubectl's Validate reports: rules, then annotations, then the default backend. */
function invalid(inv: Invocation): string | undefined {
  const rules = inv.flags.list('rule');
  const bad = rules.find((r) => !RULE.test(r));
  if (bad !== undefined) return `rule ${bad} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`;
  const ann = inv.flags.list('annotation').find((a) => !a.includes('='));
  if (ann !== undefined) return `annotation ${ann} is invalid and should be in format key=[value]`;
  const def = inv.flags.str('default-backend');
  if (def && def.split(':').length !== 2) return 'default-backend should be in format servicename:serviceport';
  if (!def && !rules.length) return 'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)';
  return undefined;
}

function spec(inv: Invocation): Any {
  const rules: Any[] = [];
  const tls: Any[] = [];
  for (const rule of inv.flags.list('rule')) {
    const [hostPathSvc, ...rest] = rule.split(',');
    const slash = hostPathSvc.indexOf('/');
    const host = hostPathSvc.slice(0, slash);
    const [rawPath, svc = ''] = hostPathSvc.slice(slash).split('=');
    const prefix = rawPath.endsWith('*');
    const path = { path: prefix ? rawPath.slice(0, -1) : rawPath, pathType: prefix ? 'Prefix' : 'Exact', backend: backend(svc) };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [path] } });
    if (!rest.length) continue;
    const secretName = rest[0].split('=')[1] || undefined;
    let entry = tls.find((t) => t.secretName === secretName);
    if (!entry) tls.push((entry = { hosts: [], secretName }));
    if (host) entry.hosts.push(host);
  }
  const def = inv.flags.str('default-backend');
  return {
    ...(inv.flags.str('class') ? { ingressClassName: inv.flags.str('class') } : {}),
    ...(def ? { defaultBackend: backend(def) } : {}),
    ...(tls.length ? { tls: tls.map(({ hosts, secretName }) => ({ ...(hosts.length ? { hosts } : {}), ...(secretName ? { secretName } : {}) })) } : {}),
    ...(rules.length ? { rules } : {}),
  };
}

export const ingress: Command = {
  name: 'ingress',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  usage: 'create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]',
  examples:
    '# One rule for svc1:8080 on foo.com/bar, with TLS from my-cert\nkubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"\n\n# A catch-all ingress of class otheringress for myapp:80\nkubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"',
  flags: [
    ...COMMON,
    { name: 'annotation', type: 'stringArray', default: [], help: 'Annotation to insert in the ingress object, in the format annotation=value.' },
    { name: 'class', type: 'string', help: 'Ingress Class to be used.' },
    { name: 'default-backend', type: 'string', help: 'Default service for backend, in format of svcname:port.' },
    { name: 'rule', type: 'stringArray', default: [], help: 'Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character \'*\' are considered pathType=Prefix. tls argument is optional.' },
  ],
  *run(inv) {
    const name = oneName(inv);
    if (!name) return 1;
    const error = invalid(inv);
    if (error) {
      inv.err(plainError(error));
      return 1;
    }
    const c = dryRunAndFormat(inv);
    if (!c) return 1;
    const annotations = Object.fromEntries(inv.flags.list('annotation').map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    const obj = {
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: typedMeta(name, explicitNs(inv), Object.keys(annotations).length ? { annotations } : {}),
      spec: spec(inv),
      status: { loadBalancer: {} },
    } as unknown as KubeObject;
    return createObject(inv, obj, c.format, c.dryRun, 'created', 'failed to create ingress:').ok ? 0 : 1;
  },
};
