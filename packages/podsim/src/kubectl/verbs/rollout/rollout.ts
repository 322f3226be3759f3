/**
 * `kubectl rollout status|history|undo|restart deployment/NAME` (pause/resume: pause-resume.ts). Status messages follow kubectl
 * pkg/polymorphichelpers/rollout_status.go (printed on every watch event until done); history uses
 * the describe-style tabwriter (history.go).
 */
import type { KubeObject } from '../../../api/types.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { SIGNALS } from '../../../kernel/signals.js';
import { Deferred, race, sleep, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, statusErrorText } from '../../errors.js';
import { TabWriter } from '../../../format/tabwriter.js';
import { actionLine } from '../../output.js';
import { resolveTargets, type TargetObject } from '../../targets.js';
import { revisionsOf } from './deployment-history.js';
import { statusViewer } from './status-viewers.js';
import { PrefixWriter } from '../../describers/prefix-writer.js';
import { describePodTemplate } from '../../describers/template.js';
import { pause, resume } from './pause-resume.js';
import { sameJson } from '../../../controllers/shared/canonical-json.js';

function onlyDeployments(inv: Invocation, targets: TargetObject[]): TargetObject[] | undefined {
  const bad = targets.find((t) => t.info.resource !== 'deployments');
  if (bad) {
    inv.err(plainError(`no ${bad.info.resource === 'pods' ? 'status viewer' : 'rollout support'} has been implemented for ${JSON.stringify(bad.info.kind)}`));
    return undefined;
  }
  return targets;
}

function* targets(inv: Invocation) {
  if (inv.args.length === 0) {
    inv.err(plainError('required resource not specified'));
    return undefined;
  }
  const found = resolveTargets(inv, inv.args, { selector: inv.flags.str('selector') });
  return found.ok ? onlyDeployments(inv, found.targets) : undefined;
}

const status: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'selector', short: 'l', type: 'string', help: 'Label selector.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'How long to wait (0: no limit).' },
    { name: 'watch', short: 'w', type: 'bool', default: true, help: 'Keep watching until the rollout ends.' },
  ],
  *run(inv) {
    if (inv.args.length === 0) {
      inv.err(plainError('required resource not specified'));
      return 1;
    }
    const found = resolveTargets(inv, inv.args, { selector: inv.flags.str('selector') });
    if (!found.ok) return 1;
    for (const t of found.targets) {
      const name = t.obj.metadata.name ?? '';
      const ns = t.obj.metadata.namespace;
      const viewer = statusViewer(t.info.resource);
      if (!viewer) {
        inv.err(plainError(`no status viewer has been implemented for ${t.info.kind}`));
        return 1;
      }
      const done = new Deferred<string | undefined>();
      const show = (obj: KubeObject) => {
        const s = viewer(obj);
        if (s.error) return done.resolve(s.error);
        inv.out(s.text);
        if (s.done || !inv.flags.bool('watch')) done.resolve(undefined);
      };
      show(t.obj);
      const stop = done.isSettled ? () => {} : inv.api.watch(t.info.resource, ns, (ev) => ev.object.metadata.name === name && ev.type !== 'DELETED' && !done.isSettled && show(ev.object));
      inv.proc.trap(SIGNALS.SIGINT, () => {
        stop();
        inv.proc.exit(1);
      });
      const timeout = inv.flags.int('timeout');
      const r = yield* wait(race(timeout > 0 ? [done, sleep(inv.host.clock, timeout)] : [done]));
      stop();
      if (r.index === 1) {
        inv.err(plainError('timed out waiting for the condition'));
        return 1;
      }
      if (typeof r.value === 'string') {
        inv.err(plainError(r.value));
        return 1;
      }
    }
    return 0;
  },
};

const history: Command = {
  name: 'history',
  short: 'View rollout history',
  usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'revision', type: 'int', default: 0, help: 'Show the pod template of this revision.' }],
  *run(inv) {
    const ts = yield* targets(inv);
    if (!ts) return 1;
    const revision = inv.flags.int('revision');
    for (const t of ts) {
      const revisions = revisionsOf(inv.api, t.obj);
      let body: string;
      if (revision > 0) {
        const found = revisions.find((r) => r.revision === revision);
        if (!found) {
          inv.err(plainError('unable to find the specified revision'));
          return 1;
        }
        const w = new PrefixWriter({ aligned: false });
        describePodTemplate(w, (found.rs.spec as { template?: PodTemplateSpec } | undefined)?.template);
        body = `with revision #${revision}\n${w.toString()}`;
      } else {
        const w = TabWriter.forDescribe();
        w.write('REVISION\tCHANGE-CAUSE\n');
        for (const r of revisions) w.write(`${r.revision}\t${r.rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>'}\n`);
        body = `\n${w.flush()}`;
      }
      // kubectl hands the text to its name printer as the operation: `deployment.apps/web <text>`.
      inv.out(`${actionLine(t.info, t.obj.metadata.name ?? '', '').replace(/\n$/, '')}${body}\n`);
    }
    return 0;
  },
};

function templateWithoutHash(rs: KubeObject): unknown {
  const tpl = structuredClone((rs.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template ?? {});
  if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash'];
  return tpl;
}

const undo: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'to-revision', type: 'int', default: 0, help: 'The revision to go back to (0: the previous one).' }],
  *run(inv) {
    const ts = yield* targets(inv);
    if (!ts) return 1;
    for (const t of ts) {
      const name = t.obj.metadata.name ?? '';
      const revs = revisionsOf(inv.api, t.obj);
      const want = inv.flags.int('to-revision');
      const target = want > 0 ? revs.find((r) => r.revision === want) : revs[revs.length - 2];
      if (!target) {
        inv.err(plainError(want > 0 ? `unable to find specified revision ${want} in history` : `no rollout history found for deployment ${JSON.stringify(name)}`));
        return 1;
      }
      if ((t.obj.spec as { paused?: boolean } | undefined)?.paused) {
        inv.err(plainError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"));
        return 1;
      }
      const template = templateWithoutHash(target.rs);
      if (sameJson(template, (t.obj.spec as { template?: unknown } | undefined)?.template)) {
        inv.out(actionLine(t.info, name, `skipped rollback (current template already matches revision ${target.revision})`));
        continue;
      }
      const r = inv.api.patch('deployments', t.obj.metadata.namespace, name, 'merge', { spec: { template } });
      if (!r.ok) {
        inv.err(statusErrorText(r.status));
        return 1;
      }
      inv.out(actionLine(t.info, name, 'rolled back'));
    }
    return 0;
  },
};

const restart: Command = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'rollout restart RESOURCE [options]',
  flags: [{ name: 'selector', short: 'l', type: 'string', help: 'Label selector.' }],
  *run(inv) {
    const ts = yield* targets(inv);
    if (!ts) return 1;
    const stamp = new Date(inv.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const t of ts) {
      const name = t.obj.metadata.name ?? '';
      if ((t.obj.spec as { paused?: boolean } | undefined)?.paused) {
        inv.err(plainError(`${t.info.resource}.${t.info.group} ${JSON.stringify(name)} can't restart paused deployment (run rollout resume first)`));
        return 1;
      }
      const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } } };
      const r = inv.api.patch('deployments', t.obj.metadata.namespace, name, 'strategic', patch);
      if (!r.ok) {
        inv.err(statusErrorText(r.status));
        return 1;
      }
      inv.out(actionLine(t.info, name, 'restarted'));
    }
    return 0;
  },
};

export const rollout: Command = {
  name: 'rollout',
  completes: 'resources',
  short: 'Manage the rollout of a resource',
  usage: 'rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [history, pause, restart, resume, status, undo],
};
