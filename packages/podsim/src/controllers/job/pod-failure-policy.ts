/**
 * A Job's podFailurePolicy applied to a failed pod (pkg/controller/job/pod_failure_policy.go): the first
 * rule that matches decides: FailJob fails the Job with a message naming the pod and the rule, Ignore
 * keeps the failure out of the backoffLimit count, Count counts it as usual, FailIndex counts it and
 * gives up on the pod's index (Indexed Jobs with backoffLimitPerIndex). onExitCodes looks at
 * terminated containers with a non-zero exit code (app containers, then init containers);
 * onPodConditions at the pod's conditions. No rule matching counts the failure.
 */
import type { Pod } from '../../api/types.js';
import type { Any } from '../../api/objects.js';

export interface PolicyOutcome {
  /** The failure counts toward backoffLimit (false for Ignore). */
  count: boolean;
  /** Set when a FailJob rule matched: the message of the Job's FailureTarget/Failed conditions. */
  failJob?: string;
  /** A FailIndex rule matched. */
  failIndex?: boolean;
}

type Status = { name: string; state?: { terminated?: { exitCode: number } } };

function matchExitCodes(statuses: Status[] | undefined, req: Any): Status | undefined {
  return (statuses ?? []).find((cs) => {
    const code = cs.state?.terminated?.exitCode;
    if (code === undefined || code === 0) return false;
    if (req.containerName && req.containerName !== cs.name) return false;
    const listed = (req.values ?? []).includes(code);
    return req.operator === 'NotIn' ? !listed : listed;
  });
}

export function applyPodFailurePolicy(policy: Any | undefined, pod: Pod): PolicyOutcome {
  const where = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  for (const [index, rule] of ((policy?.rules ?? []) as Any[]).entries()) {
    let failJob: string | undefined;
    if (rule.onExitCodes) {
      const cs = matchExitCodes(pod.status?.containerStatuses as Status[], rule.onExitCodes) ?? matchExitCodes(pod.status?.initContainerStatuses as Status[], rule.onExitCodes);
      if (!cs) continue;
      failJob = `Container ${cs.name} for pod ${where} failed with exit code ${cs.state?.terminated?.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = (pod.status?.conditions ?? []).find((c) => (rule.onPodConditions as Any[]).some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (!cond) continue;
      failJob = `Pod ${where} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
    } else continue;
    if (rule.action === 'Ignore') return { count: false };
    if (rule.action === 'FailJob') return { count: true, failJob };
    if (rule.action === 'FailIndex') return { count: true, failIndex: true };
    return { count: true };
  }
  return { count: true };
}
