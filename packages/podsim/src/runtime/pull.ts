/**
 * Registry behaviour for pulls: what resolves, what fails with which containerd text, and how
 * long it takes (size over a fixed bandwidth plus a per-image jitter, so runs are reproducible).
 */
import { hexDigest } from '../images/digest.js';
import { findImage } from '../images/index.js';
import { parseImageRef } from '../images/ref.js';
import { PULL_ACCESS_DENIED, pullFailed } from './messages.js';
import type { PullResult } from './types.js';

/** Domains the simulated internet knows; anything else fails DNS like an unknown registry host. */
const KNOWN_REGISTRIES = new Set(['docker.io', 'gcr.io', 'registry.k8s.io', 'k8s.gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'public.ecr.aws', 'us-docker.pkg.dev']);

const BYTES_PER_MS = 10_000;
const FIRST_PULL_BASE_MS = 800;
const REPULL_BASE_MS = 250;

/** Deterministic 0..n-1 from a string. */
function jitter(text: string, n: number): number {
  return parseInt(hexDigest(text).slice(0, 8), 16) % n;
}

export function resolvePull(image: string, cached: boolean): PullResult {
  const parsed = parseImageRef(image);
  if (!parsed.ok) return { ok: false, reason: 'InvalidImageName', error: parsed.message, durationMs: 0 };
  const failMs = 400 + jitter(parsed.canonical, 500);
  const found = findImage(image);
  if (found.ok) {
    const { image: img, ref, digest } = found;
    const durationMs = cached ? REPULL_BASE_MS + jitter(ref.canonical, 400) : FIRST_PULL_BASE_MS + Math.round(img.size / BYTES_PER_MS) + jitter(ref.canonical, 600);
    return { ok: true, imageRef: ref.canonical, imageId: `${ref.repository}@${digest}`, sizeBytes: img.size, durationMs };
  }
  if (!KNOWN_REGISTRIES.has(parsed.domain)) {
    const url = `https://${parsed.domain}/v2/${parsed.path}/manifests/${parsed.digest ?? parsed.tag}`;
    return {
      ok: false,
      reason: 'ErrImagePull',
      error: pullFailed(parsed.canonical, `failed to do request: Head ${JSON.stringify(url)}: dial tcp: lookup ${parsed.domain.replace(/:\d+$/, '')}: no such host`, 'Unknown'),
      durationMs: failMs,
    };
  }
  if (found.reason === 'no-repository' && parsed.domain === 'docker.io') {
    return { ok: false, reason: 'ErrImagePull', error: pullFailed(parsed.canonical, PULL_ACCESS_DENIED, 'Unknown'), durationMs: failMs };
  }
  return { ok: false, reason: 'ErrImagePull', error: pullFailed(parsed.canonical, `${parsed.canonical}: not found`, 'NotFound'), durationMs: failMs };
}
