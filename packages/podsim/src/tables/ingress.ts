/** Ingresses and IngressClasses (k8s printers.go printIngress / printIngressClass). */
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import { ageSince } from '../format/duration.js';
import { columns, type TableHandler } from './types.js';

/** formatHosts: at most three hosts, then `+ N more...`; `*` when no rule names one. */
function hosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const list = rules.map((r) => r.host ?? '').filter(Boolean).slice(0, 3);
  if (!list.length) return '*';
  return rules.length > 3 ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** Load-balancer addresses (ingressLoadBalancerStatusStringer; the server renders wide, so never cut short). */
function address(ing: Ingress): string {
  return (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
}

export const ingressTable: TableHandler = {
  columns: columns('Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'),
  row(obj, ctx) {
    const ing = obj as unknown as Ingress;
    return [obj.metadata.name ?? '', ing.spec?.ingressClassName ?? '<none>', hosts(ing), address(ing), ing.spec?.tls?.length ? '80, 443' : '80', ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};

export const ingressClassTable: TableHandler = {
  columns: columns('Name', 'Controller', 'Parameters', 'Age'),
  row(obj, ctx) {
    const p = (obj as unknown as IngressClass).spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [obj.metadata.name ?? '', (obj as unknown as IngressClass).spec?.controller ?? '', parameters, ageSince(obj.metadata.creationTimestamp, ctx.now)];
  },
};
