/** `kubectl api-resources [-o wide|name] [--namespaced=bool] [--no-headers]` from discovery. */
import type { Command } from '../../command.js';
import { plainError } from '../../errors.js';
import { renderRows } from '../../table.js';
import { ALL_CATEGORY, servedVersions } from '../../../api/resources.js';

export const apiResources: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', help: 'Only resources of this API group.' },
    { name: 'namespaced', type: 'bool', default: true, help: 'Namespaced (true) or cluster-scoped (false) resources; all when not given.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'Leave out the header line.' },
    { name: 'output', short: 'o', type: 'string', help: 'wide or name.' },
    { name: 'sort-by', type: 'string', help: "Sort by 'name' or 'kind'." },
  ],
  *run(inv) {
    const o = inv.flags.str('output');
    if (o !== '' && o !== 'wide' && o !== 'name') {
      inv.err(plainError(`--output ${o} is not available`));
      return 1;
    }
    // The built-in resources, then those the aggregated APIs' discovery lists (metrics.k8s.io).
    let list = [...inv.api.resources(), ...(inv.api.aggregated?.() ?? []).flatMap((g) => g.resources)];
    if (inv.flags.has('namespaced')) list = list.filter((r) => r.namespaced === inv.flags.bool('namespaced'));
    if (inv.flags.has('api-group')) list = list.filter((r) => r.group === inv.flags.str('api-group'));
    const sortBy = inv.flags.str('sort-by');
    if (sortBy === 'name') list = [...list].sort((a, b) => a.resource.localeCompare(b.resource));
    if (sortBy === 'kind') list = [...list].sort((a, b) => a.kind.localeCompare(b.kind));
    // Without --sort-by kubectl still sorts, stably, by API group name (api-resources.go sortableResource).
    if (!sortBy) list = [...list].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    if (o === 'name') {
      inv.out(list.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''));
      return 0;
    }
    const rows: string[][] = [];
    if (!inv.flags.bool('no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])]);
    for (const r of list) {
      const row = [r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
      if (o === 'wide') row.push(`[${r.verbs.join(' ')}]`, ALL_CATEGORY.has(r.resource) ? 'all' : '');
      rows.push(row);
    }
    inv.out(renderRows(rows));
    return 0;
  },
};

/** `kubectl api-versions`: every group/version the server serves, sorted (kubectl pkg/cmd/apiresources/apiversions.go). */
export const apiVersions: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'api-versions [options]',
  flags: [],
  *run(inv) {
    const versions = new Set(inv.api.resources().flatMap(servedVersions));
    for (const g of inv.api.aggregated?.() ?? []) versions.add(`${g.group}/${g.version}`);
    inv.out([...versions].sort().map((v) => `${v}\n`).join(''));
    return 0;
  },
};
