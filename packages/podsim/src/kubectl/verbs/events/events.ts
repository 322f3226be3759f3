/**
 * `kubectl events [--for TYPE/NAME] [--types=Warning] [-A] [-w]`: events sorted by time, OBJECT as
 * `Kind/name`, LAST SEEN with `(xN over …)` when repeated. Models kubectl pkg/cmd/events.
 */
import type { Event, KubeObject } from '../../../api/types.js';
import { humanDuration } from '../../../format/duration.js';
import { TabWriter } from '../../../format/tabwriter.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { untilInterrupted } from '../../interrupt.js';
import { findResource } from '../../../api/resources.js';
import { goSort } from '../../printers/go-sort.js';

function timeOf(e: Event): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  return t ? Date.parse(String(t)) : 0;
}

function age(now: number, t: number): string {
  return t ? humanDuration(now - t) : '<unknown>';
}

function row(inv: Invocation, e: Event, all: boolean): string {
  const now = inv.now();
  const count = e.series?.count ?? e.count ?? 1;
  const first = e.firstTimestamp ? Date.parse(String(e.firstTimestamp)) : timeOf(e);
  const seen = count > 1 ? `${age(now, timeOf(e))} (x${count} over ${age(now, first)})` : age(now, timeOf(e));
  const obj = `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`;
  const cells = [seen, e.type ?? '', e.reason ?? '', obj, (e.message ?? '').trim()];
  return (all ? [e.metadata?.namespace ?? '', ...cells] : cells).join('\t');
}

const HEADER = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

export const events: Command = {
  name: 'events',
  short: 'List events',
  usage: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'Events of every namespace.' },
    { name: 'for', type: 'string', help: 'Only events about this object (TYPE/NAME).' },
    { name: 'no-headers', type: 'bool', default: false, help: 'Leave out the header line.' },
    { name: 'types', type: 'stringSlice', default: [], help: 'Only these event types (Normal, Warning).' },
    { name: 'watch', short: 'w', type: 'bool', default: false, help: 'Keep printing new events.' },
  ],
  *run(inv) {
    const all = inv.flags.bool('all-namespaces');
    const types = inv.flags.list('types');
    for (const t of types) {
      if (t !== 'Normal' && t !== 'Warning') {
        inv.err(plainError(`valid --types are Normal or Warning`));
        return 1;
      }
    }
    let forKind: string | undefined;
    let forName: string | undefined;
    const f = inv.flags.str('for');
    if (f) {
      const [t, n] = f.includes('/') ? f.split('/') : ['pods', f];
      const info = findResource(t);
      if (!info) {
        inv.err(plainError(`the server doesn't have a resource type ${JSON.stringify(t)}`));
        return 1;
      }
      forKind = info.kind;
      forName = n;
    }
    const keep = (e: Event) => (!types.length || types.includes(e.type ?? '')) && (!forKind || (e.involvedObject.kind === forKind && e.involvedObject.name === forName));
    const list = inv.api.list('events', all ? undefined : inv.namespace);
    if (!list.ok) {
      inv.err(statusErrorText(list.status));
      return 1;
    }
    // sort.Sort(SortableEvents): unstable, so events of one second come out in Go's order.
    const evs = goSort((list.value.items as unknown as Event[]).filter(keep), (a, b) => timeOf(a) < timeOf(b));
    const writer = TabWriter.forGet();
    const header = [...(all ? ['NAMESPACE'] : []), ...HEADER].join('\t');
    let printedHeader = inv.flags.bool('no-headers');
    const print = (rows: Event[]) => {
      if (rows.length === 0) return;
      const lines = rows.map((e) => row(inv, e, all));
      if (!printedHeader) lines.unshift(header);
      printedHeader = true;
      writer.write(lines.join('\n') + '\n');
      inv.out(writer.flush());
    };
    print(evs);
    if (!inv.flags.bool('watch')) {
      if (evs.length === 0) inv.err(all ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const stop = inv.api.watch('events', all ? undefined : inv.namespace, (ev) => {
      const e = ev.object as KubeObject as unknown as Event;
      if (ev.type !== 'DELETED' && keep(e)) print([e]);
    }, { resourceVersion: list.value.metadata.resourceVersion });
    return yield* untilInterrupted(inv, stop);
  },
};
