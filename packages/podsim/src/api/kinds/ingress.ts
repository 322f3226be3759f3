/** networking.k8s.io/v1 Ingress and IngressClass (k8s pkg/registry/networking/ingress, ingressclass). No ingress controller runs, so status stays empty. */
import { validateIngress, validateIngressClass, validateIngressClassUpdate } from '../validation/ingress.js';
import type { KindStrategy } from './strategy.js';

export const ingressStrategy: KindStrategy = {
  topLevel: ['spec', 'status'],
  statusSubresource: true,
  generation: true,
  nameRule: 'subdomain',
  prepareForCreate(ing) {
    ing.status = { loadBalancer: {} };
  },
  validate: validateIngress,
};

export const ingressClassStrategy: KindStrategy = {
  topLevel: ['spec'],
  statusSubresource: false,
  generation: true,
  nameRule: 'subdomain',
  validate: validateIngressClass,
  validateUpdate: validateIngressClassUpdate,
};
