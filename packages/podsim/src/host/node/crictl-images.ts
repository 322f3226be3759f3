/**
 * The images in a node's containerd store as CRI ListImages returns them (containerd's toCRIImage):
 * the references of one image make its tags and repo digests, its size is the compressed content, and
 * the sandbox image is pinned so that garbage collection keeps it.
 */
import { hexDigest } from '../../images/digest.js';
import { findImage } from '../../images/index.js';
import { SANDBOX_IMAGE } from '../../images/node-images.js';

export interface CriImage {
  id: string;
  /** `repository:tag` references that name it. */
  repoTags: string[];
  /** `repository@sha256:…` */
  repoDigests: string[];
  size: number;
  pinned: boolean;
}

/**
 * An image's ID is the digest of its config, not of the manifest a registry serves (the `@sha256:…` of its
 * references): the catalogue knows manifests only, so the config digest is derived from the manifest's,
 * one per image and stable across runs.
 */
export function imageIdOf(manifestDigest: string): string {
  return `sha256:${hexDigest(`config of ${manifestDigest}`)}`;
}

/** The store's images from their canonical references: tags of one digest make one image. */
export function criImages(refs: readonly string[]): CriImage[] {
  const byDigest = new Map<string, CriImage>();
  for (const ref of refs) {
    const found = findImage(ref);
    if (!found.ok) continue;
    const key = `${found.ref.repository}@${found.digest}`;
    const image = byDigest.get(key) ?? { id: imageIdOf(found.digest), repoTags: [], repoDigests: [key], size: found.image.size, pinned: false };
    if (found.ref.tag !== undefined) image.repoTags.push(`${found.ref.repository}:${found.ref.tag}`);
    image.pinned ||= found.ref.canonical === SANDBOX_IMAGE;
    byDigest.set(key, image);
  }
  for (const i of byDigest.values()) i.repoTags.sort();
  return [...byDigest.values()];
}
