/**
 * `kubectl describe endpoints` and `kubectl describe endpointslices` (describe.go describeEndpoints and
 * describeEndpointSliceV1, 1.32): the subsets or endpoints as stored, `<none>`/`<unset>` for what is missing.
 */
import type { Endpoints, Event } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeEvents, printAnnotations, printLabels } from './fields.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefix-writer.js';

function header(w: PrefixWriter, meta: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } | undefined): void {
  w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta?.namespace ?? ''}\n`);
  printLabels(w, 'Labels', meta?.labels);
  printAnnotations(w, 'Annotations', meta?.annotations);
}

const orNone = (xs: string[] | undefined, sep: string) => (xs ?? []).join(sep) || '<none>';
const orUnset = (v: string | number | boolean | undefined | null) => (v === undefined || v === null ? '<unset>' : String(v));

export function describeEndpoints(ep: Endpoints, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, ep.metadata);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${orNone(s.addresses?.map((a) => a.ip), ',')}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${orNone(s.notReadyAddresses?.map((a) => a.ip), ',')}\n`);
    if ((s.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const p of s.ports ?? []) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  if (events) describeEvents(w, events, now);
  return w.toString();
}

export function describeEndpointSlice(eps: EndpointSlice, events: Event[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, eps.metadata);
  w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ''}\n`);
  if ((eps.ports ?? []).length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const p of eps.ports ?? []) w.write(LEVEL_1, `${p.name || '<unset>'}\t${orUnset(p.port)}\t${p.protocol ?? ''}\n`);
  }
  if ((eps.endpoints ?? []).length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${orNone(e.addresses, ', ')}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${orUnset(e.conditions?.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${orUnset(e.hostname)}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(LEVEL_2, `NodeName:\t${orUnset(e.nodeName)}\n`);
      w.write(LEVEL_2, `Zone:\t${orUnset(e.zone)}\n`);
    }
  }
  if (events) describeEvents(w, events, now);
  return w.toString();
}
