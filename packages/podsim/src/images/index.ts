/**
 * The simulated registries' catalogue. Adding an image = one file in this folder + one line here.
 */
import { hexDigest } from './digest.js';
import { parseImageRef } from './ref.js';
import type { Image, ImageRef } from './types.js';
import { agnhost } from './agnhost.js';
import { alpine, alpineImage } from './alpine.js';
import { busyboxGcr, busyboxImage, busyboxK8s } from './busybox.js';
import { caddyImage } from './caddy.js';
import { catalogueTags } from './catalogue/catalogue.js';
import { corednsImage } from './coredns.js';
import { dataStoreImage } from './datastore-images.js';
import { debian, debianImage, ubuntu, ubuntuImage } from './debian.js';
import { dnsutilsImage } from './dnsutils.js';
import { distrolessBase, distrolessBaseOld, distrolessStatic, distrolessStaticNonroot, distrolessStaticOld } from './distroless.js';
import { helloApp1, helloApp2, helloAppImage } from './hello-app.js';
import { httpd } from './httpd.js';
import { fedoraImage } from './fedora.js';
import { idleImage, sameImage, type FamilyBuild } from './families/index.js';
import { bootcampImage, echoserverImage, etcdImage, goproxyImage, livenessImage, nginxSlimImage, nodeHelloImage, serveHostnameImage, testWebserverImage } from './k8s-samples.js';
import { nginx, nginxAlpine, nginxImage } from './nginx.js';
import { NODE_IMAGE_TAGS } from './node-images.js';
import { runtimeImage } from './runtimes.js';
import { busyboxplusImage, curlImage, helloWorldImage, netshootImage } from './tools.js';
import { bashImage } from './bash.js';
import { pause } from './pause.js';
import { traefikImage } from './traefik.js';
import { redis } from './redis.js';
import { polinuxStress } from './stress.js';
import { vishStressImage } from './vish-stress.js';
import { metricsServerImage } from './metrics-server.js';

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

/** How each catalogued repository builds the image of one of its tags (others: idleImage). */
const FAMILIES: Record<string, FamilyBuild> = {
  'docker.io/library/nginx': nginxImage,
  'docker.io/library/alpine': alpineImage,
  'docker.io/library/debian': debianImage,
  'docker.io/library/ubuntu': ubuntuImage,
  'docker.io/library/fedora': fedoraImage,
  'docker.io/library/busybox': busyboxImage,
  'registry.k8s.io/busybox': sameImage(busyboxK8s),
  'k8s.gcr.io/busybox': sameImage(busyboxK8s),
  'gcr.io/google_containers/busybox': sameImage(busyboxK8s),
  'gcr.io/google-containers/busybox': sameImage(busyboxK8s),
  'docker.io/library/redis': sameImage(redis),
  'docker.io/library/httpd': sameImage(httpd),
  'docker.io/library/caddy': caddyImage,
  'docker.io/library/traefik': traefikImage,
  'docker.io/library/bash': bashImage,
  'registry.k8s.io/e2e-test-images/agnhost': sameImage(agnhost),
  'registry.k8s.io/pause': sameImage(pause),
  'k8s.gcr.io/pause': sameImage(pause),
  'gcr.io/google_containers/pause': sameImage(pause),
  'gcr.io/google-samples/hello-app': helloAppImage,
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': helloAppImage,
  'docker.io/polinux/stress': sameImage(polinuxStress),
  'docker.io/vish/stress': vishStressImage,
  'registry.k8s.io/metrics-server/metrics-server': metricsServerImage,
  'registry.k8s.io/liveness': livenessImage,
  'registry.k8s.io/goproxy': goproxyImage,
  'registry.k8s.io/etcd': etcdImage,
  'registry.k8s.io/coredns/coredns': corednsImage,
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': dnsutilsImage,
  'registry.k8s.io/echoserver': echoserverImage,
  'registry.k8s.io/e2e-test-images/echoserver': echoserverImage,
  'registry.k8s.io/nginx-slim': nginxSlimImage,
  'gcr.io/google_containers/nginx-slim': nginxSlimImage,
  'registry.k8s.io/test-webserver': testWebserverImage,
  'registry.k8s.io/serve_hostname': serveHostnameImage,
  'gcr.io/google-samples/kubernetes-bootcamp': bootcampImage,
  'docker.io/jocatalin/kubernetes-bootcamp': bootcampImage,
  'gcr.io/google-samples/node-hello': nodeHelloImage,
  ...Object.fromEntries(['python', 'node', 'perl', 'ruby', 'php', 'golang', 'openjdk', 'eclipse-temurin'].map((n) => [`docker.io/library/${n}`, runtimeImage])),
  'docker.io/curlimages/curl': curlImage,
  'docker.io/radial/busyboxplus': busyboxplusImage,
  'docker.io/nicolaka/netshoot': netshootImage,
  'docker.io/library/hello-world': helloWorldImage,
  'docker.io/library/postgres': dataStoreImage,
  'docker.io/library/mysql': dataStoreImage,
  'docker.io/library/mariadb': dataStoreImage,
  'docker.io/library/mongo': dataStoreImage,
  'docker.io/library/memcached': dataStoreImage,
  'docker.io/library/rabbitmq': dataStoreImage,
};

const built = new Map<string, Image>();

/** The image behind a catalogued tag, built once. */
function familyImage(repository: string, tag: string): Image {
  const key = `${repository}:${tag}`;
  let image = built.get(key);
  if (!image) {
    image = (FAMILIES[repository] ?? idleImage)(repository, tag);
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
  const onNodes = NODE_IMAGE_TAGS.get(parsed.repository);
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
