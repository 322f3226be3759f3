/**
 * A StatefulSet's new ControllerRevision (k8s pkg/controller/history, statefulset's newRevision): the
 * template as a replace patch, named `<set>-<hash>`, numbered from 1; the pods carry the revision
 * name in controller-revision-hash. The hash is podsim's own (see template-hash.ts), stable per template.
 */
import type { Any } from '../../api/objects.js';
import { computeHash } from '../deployment/template-hash.js';
import { controllerRef } from '../shared/owners.js';
import { templatePatch } from '../shared/revision-history.js';
import type { SetObj } from './stateful-pods.js';

export const HASH_LABEL = 'controller.kubernetes.io/hash';

export function newRevision(set: SetObj, number: number): Any {
  const data = templatePatch(set);
  const hash = computeHash(data, set.status?.collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [HASH_LABEL]: hash },
      ownerReferences: [controllerRef(set)],
    },
    data,
    revision: number,
  };
}
