/**
 * Namespaces, ConfigMaps and Secrets (describe.go describeNamespace, ConfigMapDescriber,
 * describeSecret). Map iteration order is random in Go; data keys are printed sorted here.
 */
import type { ConfigMap, Event, LimitRange, Namespace, ResourceQuota, Secret } from 'kubernetes-types/core/v1';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, PrefixWriter, rfc1123z } from './prefix-writer.js';
import { describeNamespaceQuotas } from './quota.js';
import { describeNamespaceLimits } from './limit-range.js';

const sortedKeys = (m: object | undefined) => Object.keys(m ?? {}).sort();

export function describeNamespace(ns: Namespace, quotas: ResourceQuota[], ranges: LimitRange[]): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  printLabels(w, 'Labels', ns.metadata?.labels);
  printAnnotations(w, 'Annotations', ns.metadata?.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conds = ns.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  // a cluster always serves quotas and limit ranges, so these sections are always present
  w.write(LEVEL_0, '\n');
  describeNamespaceQuotas(w, quotas);
  w.write(LEVEL_0, '\n');
  describeNamespaceLimits(w, ranges);
  return w.toString();
}

/** Decoded byte length of a base64 value (Secret.data is base64 on the wire). */
function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

export function describeConfigMap(cm: ConfigMap, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', cm.metadata?.labels);
  printAnnotations(w, 'Annotations', cm.metadata?.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of sortedKeys(cm.data)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', secret.metadata?.labels);
  printAnnotations(w, 'Annotations', secret.metadata?.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of sortedKeys(secret.data)) {
    const v = secret.data![k];
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${atobSafe(v)}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(v)} bytes\n`);
  }
  return w.toString();
}

function atobSafe(b64: string): string {
  try {
    return atob(b64);
  } catch {
    return '';
  }
}
