/**
 * The `kubectl rollout status` line of each kind that has one, and whether the rollout is over
 * (kubectl pkg/polymorphichelpers/rollout_status.go: texts as the status viewers print them).
 */
import type { KubeObject } from '../../../api/types.js';
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';

export interface RolloutStatus {
  text: string;
  done: boolean;
  error?: string;
}

/** The status line of a deployment and whether the rollout is complete. */
export function deploymentStatus(d: Deployment): RolloutStatus {
  const name = d.metadata?.name ?? '';
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { text: '', done: true, error: `deployment ${JSON.stringify(name)} exceeded its progress deadline` };
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  const replicas = st.replicas ?? 0;
  const available = st.availableReplicas ?? 0;
  const q = JSON.stringify(name);
  if (updated < want) return { text: `Waiting for deployment ${q} rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if (replicas > updated) return { text: `Waiting for deployment ${q} rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { text: `Waiting for deployment ${q} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
  return { text: `deployment ${q} successfully rolled out\n`, done: true };
}

/** A DaemonSet rolls out when every node that should run it has an updated, available pod. */
export function daemonSetStatus(ds: DaemonSet): RolloutStatus {
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = ds.status;
  if ((ds.metadata?.generation ?? 0) > (st?.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const q = JSON.stringify(ds.metadata?.name ?? '');
  const want = st?.desiredNumberScheduled ?? 0;
  const updated = st?.updatedNumberScheduled ?? 0;
  const available = st?.numberAvailable ?? 0;
  if (updated < want) return { text: `Waiting for daemon set ${q} rollout to finish: ${updated} out of ${want} new pods have been updated...\n`, done: false };
  if (available < want) return { text: `Waiting for daemon set ${q} rollout to finish: ${available} of ${want} updated pods are available...\n`, done: false };
  return { text: `daemon set ${q} successfully rolled out\n`, done: true };
}

/** A StatefulSet with a rollingUpdate block (always there once defaulted) reports the partitioned roll out. */
export function statefulSetStatus(sts: StatefulSet): RolloutStatus {
  if (sts.spec?.updateStrategy?.type !== 'RollingUpdate') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const want = sts.spec.replicas ?? 1;
  const ready = st.readyReplicas ?? 0;
  if (ready < want) return { text: `Waiting for ${want - ready} pods to be ready...\n`, done: false };
  const updated = st.updatedReplicas ?? 0;
  const partition = sts.spec.updateStrategy.rollingUpdate?.partition;
  if (sts.spec.updateStrategy.rollingUpdate) {
    if (partition !== undefined && updated < want - partition)
      return { text: `Waiting for partitioned roll out to finish: ${updated} out of ${want - partition} new pods have been updated...\n`, done: false };
    return { text: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...\n`, done: false };
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

const VIEWERS: Record<string, (obj: KubeObject) => RolloutStatus> = {
  statefulsets: (o) => statefulSetStatus(o as unknown as StatefulSet),
  deployments: (o) => deploymentStatus(o as unknown as Deployment),
  daemonsets: (o) => daemonSetStatus(o as unknown as DaemonSet),
};

/** The viewer of a resource, undefined when kubectl has none ("no status viewer has been implemented"). */
export function statusViewer(resource: string): ((obj: KubeObject) => RolloutStatus) | undefined {
  return VIEWERS[resource];
}
