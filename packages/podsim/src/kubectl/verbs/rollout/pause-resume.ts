/**
 * `kubectl rollout pause|resume`: set a Deployment's spec.paused. As kubectl's pause.go/resume.go,
 * each target is handled on its own: kinds without a paused field and a no-op are errors
 * (`deployments.apps "web" is already paused`) printed after the others, and the exit code is 1.
 */
import type { Command, Invocation } from '../../command.js';
import { rolloutTargets } from './rollout-targets.js';
import { plainError, statusErrorText } from '../../errors.js';
import { actionLine } from '../../output.js';

function resourceString(info: { resource: string; group: string }): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

function pauseCommand(name: 'pause' | 'resume', paused: boolean, short: string): Command {
  const done = paused ? 'paused' : 'resumed';
  return {
    name,
    short,
    usage: `rollout ${name} RESOURCE [options]`,
    flags: [{ name: 'selector', short: 'l', type: 'string', help: 'Label selector.' }],
    *run(inv: Invocation) {
      const targets = rolloutTargets(inv);
      if (!targets) return 1;
      const errors: string[] = [];
      for (const t of targets) {
        const objName = t.obj.metadata.name ?? '';
        const what = `${resourceString(t.info)} ${JSON.stringify(objName)}`;
        if (t.info.resource !== 'deployments') {
          errors.push(plainError(`${what} ${name === 'pause' ? 'pausing' : 'resuming'} is not supported`));
          continue;
        }
        if (((t.obj.spec as { paused?: boolean } | undefined)?.paused === true) === paused) {
          errors.push(plainError(`${what} ${paused ? 'is already paused' : 'is not paused'}`));
          continue;
        }
        const r = inv.api.patch('deployments', t.obj.metadata.namespace, objName, 'strategic', { spec: { paused: paused ? true : null } });
        if (!r.ok) {
          errors.push(statusErrorText(r.status));
          continue;
        }
        inv.out(actionLine(t.info, objName, done));
      }
      for (const e of errors) inv.err(e);
      return errors.length > 0 ? 1 : 0;
    },
  };
}

export const pause = pauseCommand('pause', true, 'Mark the provided resource as paused');
export const resume = pauseCommand('resume', false, 'Resume a paused resource');
