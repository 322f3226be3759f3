/**
 * `kubectl wait --for=condition=Ready|delete|jsonpath='{…}'=value TYPE/NAME… [--timeout=30s]`, in
 * virtual time. Models kubectl pkg/cmd/wait/wait.go.
 */
import type { KubeObject, Status } from '../../../api/types.js';
import { Deferred, race, sleep, wait as waitFor, type Waitable } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import { findResults } from '../../printers/jsonpath.js';
import { resolveTargets } from '../../targets.js';
import { untilGone } from '../../wait-gone.js';

type Check = (obj: KubeObject) => boolean;

function parseFor(spec: string): { ok: true; check: Check | 'delete' } | { ok: false; message: string } {
  if (spec === 'delete') return { ok: true, check: 'delete' };
  if (spec.startsWith('condition=')) {
    const body = spec.slice('condition='.length);
    const eq = body.indexOf('=');
    const type = (eq < 0 ? body : body.slice(0, eq)).toLowerCase();
    const want = (eq < 0 ? 'true' : body.slice(eq + 1)).toLowerCase();
    return {
      ok: true,
      check: (obj) => ((obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type.toLowerCase() === type && c.status.toLowerCase() === want),
    };
  }
  if (spec.startsWith('jsonpath=')) {
    // Split on the last single `=` outside the braces; a bare `.a.b` path is taken as `{.a.b}` (RelaxedJSONPathExpression).
    const body = spec.slice('jsonpath='.length);
    const m = /^(\{.*\}|[^=]*)(?:=(.*))?$/.exec(body);
    if (!m || m[1] === '' || m[1] === '{}') return { ok: false, message: 'jsonpath expression cannot be empty' };
    const path = m[1].startsWith('{') ? m[1] : `{${m[1]}}`;
    const want = m[2] === undefined ? undefined : m[2].replace(/^['"]+|['"]+$/g, '');
    if (want === '') return { ok: false, message: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" };
    const value = (obj: KubeObject) => findResults(path, obj)[0]?.[0];
    return { ok: true, check: (obj) => (want === undefined ? value(obj) !== undefined : String(value(obj)) === want) };
  }
  return { ok: false, message: `unrecognized condition: ${JSON.stringify(spec)}` };
}

function until(inv: Invocation, obj: KubeObject, resource: string, check: Check): Waitable<void> {
  const d = new Deferred<void>();
  if (check(obj)) {
    d.resolve();
    return d;
  }
  const stop = inv.api.watch(resource, obj.metadata.namespace, (ev) => {
    if (ev.object.metadata.name === obj.metadata.name && ev.type !== 'DELETED' && check(ev.object)) d.resolve();
  });
  d.subscribe(() => stop());
  return { subscribe: (resume) => { const off = d.subscribe(resume); return () => { off(); stop(); }; } };
}

export const wait: Command = {
  name: 'wait',
  completes: 'resources',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    { name: 'all', type: 'bool', default: false, help: 'Every object of the type in the namespace.' },
    { name: 'for', type: 'string', help: 'delete, condition=NAME[=value] or jsonpath={path}[=value].' },
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
    { name: 'timeout', type: 'duration', default: '30s', help: 'How long to wait before giving up.' },
  ],
  *run(inv) {
    const f = parseFor(inv.flags.str('for'));
    if (!f.ok) {
      inv.err(plainError(f.message));
      return 1;
    }
    // Waiting for a deletion ignores objects that are already gone (wait.go IgnoreErrors(IsNotFound)).
    const gone = (status: Status) => (f.check === 'delete' && status.reason === 'NotFound' ? '' : statusErrorText(status));
    const found = resolveTargets(inv, inv.args, { selector: inv.flags.str('selector'), all: inv.flags.bool('all') }, gone);
    if (!found.ok) return f.check === 'delete' ? 0 : 1;
    const timeout = inv.flags.int('timeout');
    for (const { info, obj } of found.targets) {
      const name = obj.metadata.name ?? '';
      const w = f.check === 'delete' ? untilGone(inv.api, info.resource, obj.metadata.namespace, name, obj.metadata.uid) : until(inv, obj, info.resource, f.check);
      const r = yield* waitFor(race([w, sleep(inv.host.clock, timeout)]));
      if (r.index === 1) {
        inv.err(plainError(`timed out waiting for the condition on ${info.group ? `${info.resource}.${info.group}` : info.resource}/${name}`));
        return 1;
      }
      inv.out(actionLine(info, name, 'condition met'));
    }
    return 0;
  },
};
