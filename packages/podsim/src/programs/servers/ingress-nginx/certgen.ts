/**
 * kube-webhook-certgen (registry.k8s.io/ingress-nginx/kube-webhook-certgen), the ingress-nginx
 * add-on's two admission Jobs: `create` makes a CA and a serving certificate for --host and stores
 * them as the Secret --secret-name (ca, cert, key), leaving an existing one alone; `patch` reads that
 * Secret to put its CA into the webhook configuration, and fails while the Secret is not there yet
 * (its Job's pod restarts until `create` has run). The two Jobs start together, so the patch pod
 * usually fails once: `create` stores the Secret only after making its keys and certificates, while
 * `patch` reads it first thing. The sandbox's API has no admissionregistration group, so there is no
 * webhook configuration to patch.
 */
import type { Program } from '../../../kernel/process.js';
import { inClusterClient } from './in-cluster.js';
import { flagValues } from './flags.js';
import { sleep, wait } from '../../../kernel/waitable.js';

/**
 * Virtual time `create` spends between finding no Secret and storing one: two ECDSA P-256 keys and two
 * signed x509 certificates (kube-webhook-certgen pkg/certs GenerateCerts), then the POST's round trip.
 */
const GENERATE_MS = 20;

const b64 = (s: string) => btoa(s);

export const webhookCertgen: Program = function* (proc) {
  const [command, ...rest] = proc.argv.slice(1);
  const flags = flagValues(rest);
  const api = inClusterClient(proc, 'kube-webhook-certgen');
  const namespace = flags.get('namespace') ?? '';
  const name = flags.get('secret-name') ?? '';
  if (typeof api === 'string' || (command !== 'create' && command !== 'patch') || !namespace || !name) {
    proc.stderr.write(`Error: ${typeof api === 'string' ? api : 'required flag(s) "namespace", "secret-name" not set'}\n`);
    return 1;
  }
  const path = `/api/v1/namespaces/${namespace}/secrets/${name}`;
  const existing = api('GET', path);
  if (command === 'patch') return existing?.status === 200 ? 0 : 1;
  if (existing?.status === 200) return 0;
  yield* wait(sleep(proc.clock, GENERATE_MS));
  const hosts = (flags.get('host') ?? '').split(',').filter(Boolean);
  const pem = (what: string) => `-----BEGIN ${what}-----\n${b64(`${what} for ${hosts.join(',')}`)}\n-----END ${what}-----\n`;
  const created = api('POST', `/api/v1/namespaces/${namespace}/secrets`, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    data: { ca: b64(pem('CERTIFICATE')), cert: b64(pem('CERTIFICATE')), key: b64(pem('EC PRIVATE KEY')) },
  });
  return created?.status === 201 ? 0 : 1;
};
