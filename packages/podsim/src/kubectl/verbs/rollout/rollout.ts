/**
 * `kubectl rollout status|history|undo|restart deployment/NAME` (pause/resume: pause-resume.ts). Status messages follow kubectl
 * pkg/polymorphichelpers/rollout_status.go (printed on every watch event until done); history uses
 * the describe-style tabwriter (history.go).
 */
import type { KubeObject } from '../../../api/types.js';
import { SIGNALS } from '../../../kernel/signals.js';
import { Deferred, race, sleep, wait } from '../../../kernel/waitable.js';
import type { Command } from '../../command.js';
import { rolloutTargets } from './rollout-targets.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';
import { statusViewer } from './status-viewers.js';
import { pause, resume } from './pause-resume.js';
import { history } from './history.js';
import { undo } from './undo.js';

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
    const targets = rolloutTargets(inv);
    if (!targets) return 1;
    for (const t of targets) {
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

const restart: Command = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'rollout restart RESOURCE [options]',
  flags: [{ name: 'selector', short: 'l', type: 'string', help: 'Label selector.' }],
  *run(inv) {
    const targets = rolloutTargets(inv);
    if (!targets) return 1;
    const stamp = new Date(inv.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const t of targets) {
      const name = t.obj.metadata.name ?? '';
      // objectrestarter.go: Deployments (unless paused), DaemonSets and StatefulSets.
      const resource = t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource;
      const restartable = t.info.group === 'apps' && ['deployments', 'daemonsets', 'statefulsets'].includes(t.info.resource);
      const why = !restartable ? 'restarting is not supported' : (t.obj.spec as { paused?: boolean } | undefined)?.paused ? "can't restart paused deployment (run rollout resume first)" : undefined;
      if (why) {
        inv.err(plainError(`${resource} ${JSON.stringify(name)} ${why}`));
        return 1;
      }
      const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } } };
      const r = inv.api.patch(t.info.resource, t.obj.metadata.namespace, name, 'strategic', patch);
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
