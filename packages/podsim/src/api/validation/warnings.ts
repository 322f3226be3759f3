/** Pod spec warnings returned with a successful write (k8s `pkg/api/pod/warnings.go`, port conflicts only). */

import type { Any } from '../objects.js';

export function podSpecWarnings(spec: Any | undefined, field: string): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, { port: Any; field: string }[]>();
  const visit = (list: unknown, name: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((c: Any, i) => {
      (Array.isArray(c?.ports) ? c.ports : []).forEach((port: Any, j: number) => {
        const here = `${field}.${name}[${i}].ports[${j}]`;
        const key = `${port?.protocol ?? 'TCP'}/${port?.containerPort}`;
        const others = seen.get(key) ?? [];
        for (const o of others) {
          if ((port.hostIP ?? '') === (o.port.hostIP ?? '') && (port.hostPort ?? 0) === (o.port.hostPort ?? 0)) warnings.push(`${here}: duplicate port definition with ${o.field}`);
          else if (!port.hostPort || !o.port.hostPort) warnings.push(`${here}: overlapping port definition with ${o.field}`);
        }
        others.push({ port, field: here });
        seen.set(key, others);
      });
    });
  };
  visit(spec?.initContainers, 'initContainers');
  visit(spec?.containers, 'containers');
  return warnings;
}
