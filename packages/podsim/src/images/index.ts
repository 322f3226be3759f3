/**
 * The simulated registries' catalogue. Adding an image = one file in this folder + one line here
 * (for a family the course's pages do not boot with: its line in `families.lazy.ts` and `lazy('<name>')` here).
 */
import { LazyPart } from '../lazy/part.js';
import { hexDigest } from './digest.js';
import { parseImageRef } from './ref.js';
import type { Image, ImageRef } from './types.js';
import { ADDON_IMAGE_TAGS } from './addon-images.js';
import { agnhost } from './agnhost.js';
import { alpine, alpineImage } from './alpine.js';
import { busyboxGcr, busyboxImage, busyboxK8s } from './busybox.js';
import { catalogueTags } from './catalogue/catalogue.js';
import { corednsImage } from './coredns.js';
import { debian, debianImage, ubuntu, ubuntuImage } from './debian.js';
import { distrolessBase, distrolessBaseOld, distrolessStatic, distrolessStaticNonroot, distrolessStaticOld } from './distroless.js';
import { helloApp1, helloApp2, helloAppImage } from './hello-app.js';
import { httpd } from './httpd.js';
import { idleImage, sameImage, type FamilyBuild } from './families/index.js';
import lazyFamilies from './families.lazy.js';
import { nginx, nginxAlpine, nginxImage } from './nginx.js';
import { NODE_IMAGE_TAGS } from './node-images.js';
import { pause } from './pause.js';
import { redis } from './redis.js';
import { polinuxStress } from './stress.js';

export { parseImageRef } from './ref.js';
export type { Image, ImageConfig, ImageRef } from './types.js';

export const IMAGES: Image[] = [
  busyboxK8s,
  busyboxGcr,
  alpine,
  helloApp1,
  helloApp2,
  nginx,
  nginxAlpine,
  debian,
  ubuntu,
  distrolessStatic,
  distrolessStaticNonroot,
  distrolessStaticOld,
  distrolessBase,
  distrolessBaseOld,
  redis,
  httpd,
  agnhost,
  polinuxStress,
  pause,
];

/** Families loaded after the prompt in the site's worker (families.lazy.ts): only pulls use them, never the cluster's boot. */
export const LAZY_FAMILIES = new LazyPart('image-families', lazyFamilies);
const lazy =
  (name: keyof typeof lazyFamilies): FamilyBuild =>
  (repository, tag) =>
    LAZY_FAMILIES.get()[name](repository, tag);

/** How each catalogued repository builds the image of one of its tags (others: idleImage). */
const FAMILIES: Record<string, FamilyBuild> = {
  'docker.io/library/nginx': nginxImage,
  'docker.io/library/alpine': alpineImage,
  'docker.io/library/debian': debianImage,
  'docker.io/library/ubuntu': ubuntuImage,
  'docker.io/library/fedora': lazy('fedora'),
  'docker.io/library/busybox': busyboxImage,
  'registry.k8s.io/busybox': sameImage(busyboxK8s),
  'k8s.gcr.io/busybox': sameImage(busyboxK8s),
  'gcr.io/google_containers/busybox': sameImage(busyboxK8s),
  'gcr.io/google-containers/busybox': sameImage(busyboxK8s),
  'docker.io/library/redis': sameImage(redis),
  'docker.io/library/httpd': sameImage(httpd),
  'docker.io/library/caddy': lazy('caddy'),
  'docker.io/library/traefik': lazy('traefik'),
  'docker.io/library/bash': lazy('bash'),
  'registry.k8s.io/e2e-test-images/agnhost': sameImage(agnhost),
  'registry.k8s.io/pause': sameImage(pause),
  'k8s.gcr.io/pause': sameImage(pause),
  'gcr.io/google_containers/pause': sameImage(pause),
  'gcr.io/google-samples/hello-app': helloAppImage,
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': helloAppImage,
  'docker.io/polinux/stress': sameImage(polinuxStress),
  'docker.io/vish/stress': lazy('vishStress'),
  'registry.k8s.io/metrics-server/metrics-server': lazy('metricsServer'),
  'registry.k8s.io/ingress-nginx/controller': lazy('ingressNginx'),
  'registry.k8s.io/ingress-nginx/kube-webhook-certgen': lazy('webhookCertgen'),
  'registry.k8s.io/liveness': lazy('liveness'),
  'registry.k8s.io/hpa-example': lazy('hpaExample'),
  'registry.k8s.io/goproxy': lazy('goproxy'),
  'registry.k8s.io/etcd': lazy('etcd'),
  'registry.k8s.io/echoserver': lazy('echoserver'),
  'registry.k8s.io/e2e-test-images/echoserver': lazy('echoserver'),
  'registry.k8s.io/nginx-slim': lazy('nginxSlim'),
  'gcr.io/google_containers/nginx-slim': lazy('nginxSlim'),
  'registry.k8s.io/test-webserver': lazy('testWebserver'),
  'registry.k8s.io/serve_hostname': lazy('serveHostname'),
  'gcr.io/google-samples/kubernetes-bootcamp': lazy('bootcamp'),
  'docker.io/jocatalin/kubernetes-bootcamp': lazy('bootcamp'),
  'gcr.io/google-samples/node-hello': lazy('nodeHello'),
  'gcr.io/google-samples/xtrabackup': lazy('xtrabackup'),
  ...Object.fromEntries(['python', 'node', 'perl', 'ruby', 'php', 'golang', 'openjdk', 'eclipse-temurin'].map((n) => [`docker.io/library/${n}`, lazy('runtime')])),
  'docker.io/curlimages/curl': lazy('curl'),
  'docker.io/radial/busyboxplus': lazy('busyboxplus'),
  'docker.io/nicolaka/netshoot': lazy('netshoot'),
  'docker.io/library/hello-world': lazy('helloWorld'),
  'docker.io/library/postgres': lazy('dataStore'),
  'docker.io/library/mysql': lazy('dataStore'),
  'docker.io/library/mariadb': lazy('dataStore'),
  'docker.io/library/mongo': lazy('dataStore'),
  'docker.io/library/memcached': lazy('dataStore'),
  'docker.io/library/rabbitmq': lazy('dataStore'),
  'registry.k8s.io/coredns/coredns': corednsImage,
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': lazy('dnsutils'),
};

const built = new Map<string, Image>();

/** The image behind a catalogued tag, built once. */
function familyImage(repository: string, tag: string): Image {
  const key = `${repository}:${tag}`;
  let image = built.get(key);
  if (!image) {
    // An image kubeadm's nodes hold from the start with no family of its own is a Kubernetes component's (kube-apiserver, kube-proxy…).
    image = (FAMILIES[repository] ?? (NODE_IMAGE_TAGS.has(repository) ? lazy('kubeComponent') : idleImage))(repository, tag);
    built.set(key, image);
  }
  return image;
}

export type ImageLookup =
  | { ok: true; image: Image; ref: ImageRef; digest: string }
  | { ok: false; reason: 'invalid' | 'no-repository' | 'no-tag'; message: string };

/** Manifest digest of `image` as pulled by `tag` (aliases of one image share it). */
export function imageDigest(image: Image, tag: string): string {
  return image.digests?.[tag] ?? `sha256:${hexDigest(`${image.name}:${image.tags[0]}`)}`;
}

export function findImage(ref: string): ImageLookup {
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return { ok: false, reason: 'invalid', message: parsed.message };
  const candidates = IMAGES.filter((i) => i.name === parsed.repository);
  const catalogued = catalogueTags(parsed.repository);
  const onNodes = NODE_IMAGE_TAGS.get(parsed.repository) ?? ADDON_IMAGE_TAGS.get(parsed.repository);
  if (candidates.length === 0 && !catalogued && !onNodes) return { ok: false, reason: 'no-repository', message: `${parsed.repository}: repository does not exist` };
  for (const image of candidates) {
    for (const tag of image.tags) {
      const digest = imageDigest(image, tag);
      const tagMatches = parsed.tag === undefined || parsed.tag === tag;
      const digestMatches = parsed.digest === undefined || parsed.digest === digest;
      if (tagMatches && digestMatches && (parsed.tag !== undefined || parsed.digest !== undefined)) return { ok: true, image, ref: parsed, digest };
    }
  }
  if (parsed.tag !== undefined && parsed.digest === undefined && (catalogued?.has(parsed.tag) || onNodes?.has(parsed.tag))) {
    const image = familyImage(parsed.repository, parsed.tag);
    return { ok: true, image, ref: parsed, digest: imageDigest(image, parsed.tag) };
  }
  return { ok: false, reason: 'no-tag', message: `${parsed.canonical}: not found` };
}
