/**
 * The certificates kubeadm init issues: the cluster CA (CN=kubernetes, which kube-root-ca.crt publishes), and the
 * admin's client certificate it writes into the admin kubeconfig with the CA (CA
 * valid 10 years) and the admin's client certificate (O=kubeadm:cluster-admins, CN=kubernetes-admin
 * since kubeadm 1.29, valid 1 year), both back-dated 5 minutes (kubeadm's CertificateBackdate) and
 * the client certificate starting when the CA does, as `openssl x509 -dates` shows on the
 * troubleshoot-kubectl page (notBefore 05:57:47, CA notAfter +3650 days from 06:02:47, client
 * notAfter +365 days from 06:02:50).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { DEFAULT_START_MS } from '../clock/clock.js';
import { certificateDer, pem } from '../format/x509.js';

const DAY = 86_400_000;
const BACKDATE = 5 * 60_000;

/** 256 reproducible stand-in bytes per purpose (key modulus, signature, serial). */
function bytes(seed: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 32) out.set(sha256(new TextEncoder().encode(`${seed}:${i}`)).slice(0, n - i), i);
  return out;
}

export interface ClusterCertificates {
  /** PEM. */
  ca: string;
  client: string;
}

/** The CA issued at `initMs` and the admin certificate signed 3 s later (kubeadm's kubeconfig phase). */
export function clusterCertificates(initMs: number): ClusterCertificates {
  const cluster = [['CN', 'kubernetes']] as [string, string][];
  const caDer = certificateDer({
    serial: bytes(`ca-serial:${initMs}`, 8),
    issuer: cluster,
    subject: cluster,
    notBefore: initMs - BACKDATE,
    notAfter: initMs + 3650 * DAY,
    ca: true,
    modulus: bytes(`ca-key:${initMs}`, 256),
    signature: bytes(`ca-sig:${initMs}`, 256),
  });
  const signed = initMs + 3000;
  const clientDer = certificateDer({
    serial: bytes(`admin-serial:${initMs}`, 8),
    issuer: cluster,
    subject: [['O', 'kubeadm:cluster-admins'], ['CN', 'kubernetes-admin']],
    notBefore: initMs - BACKDATE,
    notAfter: signed + 365 * DAY,
    ca: false,
    clientAuth: true,
    modulus: bytes(`admin-key:${initMs}`, 256),
    signature: bytes(`admin-sig:${initMs}`, 256),
  });
  return { ca: pem('CERTIFICATE', caDer), client: pem('CERTIFICATE', clientDer) };
}

/** This cluster's: kubeadm init ran as the virtual clock starts. */
export const CLUSTER_CERTS = clusterCertificates(DEFAULT_START_MS);
