/**
 * Image reference parsing and normalisation, as containerd and the kubelet do it
 * (distribution/reference grammar: `nginx` → `docker.io/library/nginx:latest`).
 */
import type { ImageRef } from './types.js';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;

export type ParsedRef = ({ ok: true } & ImageRef) | { ok: false; message: string };

/** The text the kubelet reports for a reference it cannot parse (reason InvalidImageName). */
export function invalidImageMessage(image: string, detail: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${detail}`;
}

export function parseImageRef(ref: string): ParsedRef {
  const bad = (detail: string): ParsedRef => ({ ok: false, message: invalidImageMessage(ref, detail) });
  if (ref === '' || ref !== ref.trim()) return bad('invalid reference format');
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad('invalid reference format');
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return bad('invalid reference format');
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift() as string;
    if (!DOMAIN.test(domain)) return bad('invalid reference format');
  }
  if (parts.some((p) => p !== p.toLowerCase()) && parts.every((p) => COMPONENT.test(p.toLowerCase()))) {
    return bad('invalid reference format: repository name must be lowercase');
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return bad('invalid reference format');
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const canonical = digest ? `${repository}${tag ? `:${tag}` : ''}@${digest}` : `${repository}:${tag}`;
  return { ok: true, domain, path, tag, digest, repository, canonical };
}
