/**
 * A pod's dnsConfig as the API server validates it (pkg/apis/core/validation validatePodDNSConfig):
 * dnsPolicy None needs it and a nameserver; at most 3 nameservers, each an IP; at most 32 search
 * paths in at most 2048 characters, each a DNS subdomain (a trailing dot allowed); options named.
 */
import type { Any } from '../objects.js';
import { fieldError as fe, GoValue, type FieldError } from './field.js';
import { dns1123Subdomain } from './names.js';

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

const goStrings = (xs: string[]) => new GoValue(`[]string{${xs.map((x) => JSON.stringify(x)).join(', ')}}`);

function isIP(s: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255 && (o.length === 1 || !o.startsWith('0')));
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g) && !(g.includes('.') && isIP(g)))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

export function validatePodDnsConfig(spec: Any, field: string): FieldError[] {
  const f = `${field}.dnsConfig`;
  const cfg: Any = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [fe.required(f, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers?.length) return [fe.required(`${f}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const nameservers: string[] = Array.isArray(cfg.nameservers) ? cfg.nameservers : [];
  if (nameservers.length > MAX_NAMESERVERS) errs.push(fe.invalid(`${f}.nameservers`, goStrings(nameservers), `must not have more than ${MAX_NAMESERVERS} nameservers`));
  nameservers.forEach((ns, i) => {
    if (!isIP(String(ns))) errs.push(fe.invalid(`${f}.nameservers[${i}]`, ns, INVALID_IP));
  });
  const searches: string[] = Array.isArray(cfg.searches) ? cfg.searches : [];
  if (searches.length > MAX_SEARCH_PATHS) errs.push(fe.invalid(`${f}.searches`, goStrings(searches), `must not have more than ${MAX_SEARCH_PATHS} search paths`));
  if (searches.join(' ').length > MAX_SEARCH_CHARS)
    errs.push(fe.invalid(`${f}.searches`, goStrings(searches), `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`));
  searches.forEach((s, i) => {
    const trimmed = String(s).replace(/\.$/, '');
    for (const m of dns1123Subdomain(trimmed)) errs.push(fe.invalid(`${f}.searches[${i}]`, trimmed, m));
  });
  (Array.isArray(cfg.options) ? cfg.options : []).forEach((o: Any, i: number) => {
    if (!o?.name) errs.push(fe.required(`${f}.options[${i}]`, 'Option.Name must not be empty'));
  });
  return errs;
}
