/**
 * The simulated registries' catalogue. Adding an image = one file in this folder + one line here.
 */
import { hexDigest } from './digest.js';
import { parseImageRef } from './ref.js';
import type { Image, ImageRef } from './types.js';
import { agnhost } from './agnhost.js';
import { alpine } from './alpine.js';
import { busybox, busyboxGcr, busyboxK8s } from './busybox.js';
import { debian, ubuntu } from './debian.js';
import { distrolessBase, distrolessBaseOld, distrolessStatic, distrolessStaticNonroot, distrolessStaticOld } from './distroless.js';
import { helloApp1, helloApp2 } from './hello-app.js';
import { httpd } from './httpd.js';
import { nginx, nginxAlpine } from './nginx.js';
import { pause } from './pause.js';
import { redis } from './redis.js';
import { polinuxStress } from './stress.js';

export { parseImageRef } from './ref.js';
export type { Image, ImageConfig, ImageRef } from './types.js';

export const IMAGES: Image[] = [
  busybox,
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
  if (candidates.length === 0) return { ok: false, reason: 'no-repository', message: `${parsed.repository}: repository does not exist` };
  for (const image of candidates) {
    for (const tag of image.tags) {
      const digest = imageDigest(image, tag);
      const tagMatches = parsed.tag === undefined || parsed.tag === tag;
      const digestMatches = parsed.digest === undefined || parsed.digest === digest;
      if (tagMatches && digestMatches && (parsed.tag !== undefined || parsed.digest !== undefined)) return { ok: true, image, ref: parsed, digest };
    }
  }
  return { ok: false, reason: 'no-tag', message: `${parsed.canonical}: not found` };
}
