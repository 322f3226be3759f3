/** A kubeconfig (client-go clientcmd api v1) as kubectl config shows and edits it, and the sandbox's own. */
import type { KubeConfigInfo } from '../context.js';
import { CLUSTER_CERTS } from '../../api/cluster-certs.js';

export type Named<T> = { name: string } & T;
export type Entry = Record<string, unknown>;

export interface KubeConfig {
  clusters: Named<{ cluster: Entry }>[];
  contexts: Named<{ context: Entry }>[];
  'current-context': string;
  preferences: Record<string, unknown>;
  users: Named<{ user: Entry }>[];
}

export const emptyConfig = (): KubeConfig => ({ clusters: [], contexts: [], 'current-context': '', preferences: {}, users: [] });

/** A stand-in for the admin's private key (base64 of the PEM, as kubeadm writes it): `config view` hides it, --raw shows it. */
const KEY = btoa('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAwYx3sWn1Yb6Q0eR4hJXv7s2gYc0o5Wz1pJm8kqGQ5vE9R2Zt\n-----END RSA PRIVATE KEY-----\n');

/** The admin kubeconfig kubeadm leaves on a control plane (/etc/kubernetes/admin.conf). */
export function sandboxConfig(k: KubeConfigInfo): KubeConfig {
  const certs = { ca: btoa(CLUSTER_CERTS.ca), client: btoa(CLUSTER_CERTS.client) };
  const context: Entry = { cluster: k.cluster, user: k.user };
  if (k.namespace && k.namespace !== 'default') context.namespace = k.namespace;
  return {
    clusters: [{ name: k.cluster, cluster: { 'certificate-authority-data': certs.ca, server: k.server } }],
    contexts: [{ name: k.context, context }],
    'current-context': k.context,
    preferences: {},
    users: [{ name: k.user, user: { 'client-certificate-data': certs.client, 'client-key-data': KEY } }],
  };
}

/** clientcmdapi.ShortenConfig plus the redaction `config view` applies without --raw. */
export function shortened(c: KubeConfig): KubeConfig {
  const hide = (e: Entry): Entry =>
    Object.fromEntries(
      Object.entries(e).map(([k, v]) => [k, k.endsWith('-data') && v ? 'DATA+OMITTED' : (k === 'password' || k === 'token') && v ? 'REDACTED' : v]),
    );
  return {
    ...c,
    clusters: c.clusters.map((x) => ({ ...x, cluster: hide(x.cluster) })),
    users: c.users.map((x) => ({ ...x, user: hide(x.user) })),
  };
}

/** Only the current context with its cluster and user (`--minify`). */
export function minified(c: KubeConfig): KubeConfig | undefined {
  const ctx = c.contexts.find((x) => x.name === c['current-context']);
  if (!ctx) return undefined;
  return {
    ...c,
    contexts: [ctx],
    clusters: c.clusters.filter((x) => x.name === ctx.context.cluster),
    users: c.users.filter((x) => x.name === ctx.context.user),
  };
}

export function toDocument(c: KubeConfig): Record<string, unknown> {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: c.preferences,
    clusters: c.clusters.length ? c.clusters : null,
    users: c.users.length ? c.users : null,
    contexts: c.contexts.length ? c.contexts : null,
    'current-context': c['current-context'],
  };
}
