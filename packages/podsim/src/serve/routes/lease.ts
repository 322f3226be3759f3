/**
 * Node heartbeats as `kubectl describe node` reads them (coordination.k8s.io/v1 Lease in
 * kube-node-lease). podsim keeps no Lease objects: a Ready node's lease is renewed "now".
 */
import type { ApiServer } from '../../api/server.js';
import { notFound } from '../../api/status.js';
import { statusReply, type Reply } from '../http.js';

const LEASE_PATH = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/;

function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function nodeLease(api: ApiServer, path: string): Reply | undefined {
  const m = LEASE_PATH.exec(path);
  if (!m) return undefined;
  const name = decodeURIComponent(m[1]);
  const node = api.get('nodes', undefined, name);
  if (!node.ok) return statusReply(notFound('leases', name, 'coordination.k8s.io'));
  return {
    code: 200,
    body: {
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: { name, namespace: 'kube-node-lease', uid: node.value.metadata.uid, creationTimestamp: node.value.metadata.creationTimestamp },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime(api.clock.now()) },
    },
  };
}
