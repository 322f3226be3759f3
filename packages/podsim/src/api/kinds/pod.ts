/** Pods (k8s `pkg/registry/core/pod/strategy.go`): defaulting, admission, Pending status, spec immutability. */
import { addDefaultTolerations, addPriority, defaultPod, mountServiceAccountToken, podQOSClass } from '../defaults/pod.js';
import { forbidden } from '../status.js';
import { validatePodSpec } from '../validation/pod.js';
import { validatePodSpecUpdate } from '../validation/pod-update.js';
import { podSpecWarnings } from '../validation/warnings.js';
import type { KindStrategy } from './strategy.js';

export const podStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: false,
  nameRule: 'subdomain',
  defaults: defaultPod,
  prepareForCreate(pod, ctx) {
    const spec = pod.spec ?? (pod.spec = {});
    // ServiceAccount admission leaves a kubelet's mirror pod as the static pod was written, and refuses it an account.
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
      if (spec.serviceAccountName || spec.serviceAccount) return forbidden('pods', pod.metadata.name ?? '', 'a mirror pod may not reference service accounts');
    } else {
      const sa = spec.serviceAccountName || 'default';
      const account = ctx.store.get('serviceaccounts', pod.metadata.namespace ?? '', sa);
      if (!account) {
        return forbidden('pods', pod.metadata.name ?? '', `error looking up service account ${pod.metadata.namespace}/${sa}: serviceaccount "${sa}" not found`);
      }
      spec.serviceAccountName = sa;
      spec.serviceAccount = sa;
      mountServiceAccountToken(spec, ctx.random, account.automountServiceAccountToken !== false);
    }
    addPriority(spec);
    addDefaultTolerations(spec);
    pod.status = { phase: 'Pending', qosClass: podQOSClass(spec) };
  },
  validate(pod) {
    return validatePodSpec(pod.spec, 'spec');
  },
  warnings: (pod) => podSpecWarnings(pod.spec, 'spec'),
  validateUpdate(pod, old) {
    return validatePodSpecUpdate(pod.spec, old.spec ?? {});
  },
};
