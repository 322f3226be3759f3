import { describe, expect, it } from 'vitest';
import { Clock } from '../../clock/clock.js';
import { Network } from '../../kernel/net.js';
import { Random } from '../../random/random.js';
import { Runtime } from '../../runtime/runtime.js';
import { catalogueTags } from './catalogue.js';
import { decodeTags, encodeTags } from './codec.js';

const runtime = () => new Runtime({ clock: new Clock(), random: new Random(1), network: new Network(), nodeName: 'node01' });
const notFound = (ref: string) => `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;

describe('tag catalogue', () => {
  it('round-trips tag sets through the front-coded form', () => {
    const tags = ['1.14.2', '1.14.2-alpine', '1.14.2-alpine-perl', 'latest', '1', 'a'.repeat(128)];
    expect(decodeTags(encodeTags(tags))).toEqual([...tags].sort());
  });

  // Tags the Kubernetes docs and tutorials use, all published at some time (docker-library/official-images history).
  it.each([
    'nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.7.9', 'nginx:1.25', 'nginx:1.19-alpine', 'busybox:1.28', 'busybox:1.36.1-musl', 'mongo:4.2', 'postgres:16',
    'postgres:9.6-alpine', 'mysql:5.6', 'mysql:8', 'redis:5.0.4', 'python:3.12', 'python:3.7-slim-buster', 'node:20-alpine', 'perl:5.34', 'golang:1.21',
    'openjdk:8-jre', 'eclipse-temurin:17-jdk', 'ubuntu:18.04', 'debian:stretch', 'alpine:3.8', 'registry.k8s.io/pause:3.1', 'registry.k8s.io/pause:2.0',
    'registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/etcd:3.5.1-0', 'registry.k8s.io/nginx-slim:0.8', 'registry.k8s.io/liveness',
    'registry.k8s.io/goproxy:0.1', 'gcr.io/google-samples/kubernetes-bootcamp:v1', 'gcr.io/google-samples/node-hello:1.0', 'curlimages/curl:8.5.0',
    // release tags checked against the images' repositories (scripts/image-catalogue-sources.json "verified")
    'nicolaka/netshoot:v0.16', 'curlimages/curl:8.21.0',
  ])('%s pulls', (ref) => {
    expect(runtime().pull(ref)).toMatchObject({ ok: true });
  });

  // registry.k8s.io's promoter manifests (kubernetes/k8s.io registry.k8s.io/images/k8s-staging-*/images.yaml) list these;
  // pause:3.1 predates the promoter (k8s.gcr.io) and comes from the pause release list.
  it.each([
    'registry.k8s.io/pause:3.1', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/e2e-test-images/agnhost:2.39',
    'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/metrics-server/metrics-server:v0.7.2', 'registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3',
  ])('%s is promoted and pulls', (ref) => {
    expect(runtime().pull(ref)).toMatchObject({ ok: true });
  });

  // Kubernetes' own images, one tag per release (its release tags, scripts/image-catalogue-sources.json "verified").
  it.each(['registry.k8s.io/kube-apiserver:v1.32.4', 'registry.k8s.io/kube-proxy:v1.15.0', 'registry.k8s.io/kube-scheduler:v1.28.15', 'registry.k8s.io/kube-controller-manager:v1.36.3'])(
    '%s is a release and pulls',
    (ref) => {
      expect(runtime().pull(ref)).toMatchObject({ ok: true });
    },
  );

  // A tag cut short where the docs template it (`v{{< skew … >}}`), a patch release that never came, a staging library's own version.
  it.each(['registry.k8s.io/kube-apiserver:v', 'registry.k8s.io/kube-proxy:v1.32.99', 'registry.k8s.io/kube-scheduler:v0.32.0'])('%s is no release: NotFound', (ref) => {
    expect(runtime().pull(ref)).toMatchObject({ ok: false, reason: 'ErrImagePull', error: notFound(ref) });
  });

  // Numbers in between that the promoter never received (agnhost 2.46 was never built, kubernetes/kubernetes#123266).
  it.each([
    'registry.k8s.io/e2e-test-images/agnhost:2.46', 'registry.k8s.io/e2e-test-images/agnhost:2.11', 'registry.k8s.io/pause:3.4',
    'registry.k8s.io/etcd:3.5.2-0', 'registry.k8s.io/coredns/coredns:v1.11.2', 'registry.k8s.io/metrics-server/metrics-server:v0.7.9',
  ])('%s was never promoted: NotFound', (ref) => {
    expect(runtime().pull(ref)).toMatchObject({ ok: false, reason: 'ErrImagePull', error: notFound(ref) });
  });

  it.each(['nginx:1.14.9', 'nginx:2.0', 'busybox:1.99', 'postgres:7', 'registry.k8s.io/pause:3.11.7', 'python:3.12-invented'])('%s never existed: NotFound', (ref) => {
    const r = runtime().pull(ref);
    const canonical = ref.includes('/') ? ref : `docker.io/library/${ref}`;
    expect(r).toMatchObject({ ok: false, reason: 'ErrImagePull', error: notFound(canonical) });
  });

  it('an invented Docker Hub repository is denied; one on a Kubernetes registry is not found', () => {
    expect(runtime().pull('nginxs:1.14.2')).toMatchObject({ ok: false, error: expect.stringContaining('pull access denied, repository does not exist') });
    expect(runtime().pull('registry.k8s.io/paws:3.1')).toMatchObject({ ok: false, error: notFound('registry.k8s.io/paws:3.1') });
  });

  it('a 10,000-character tag or a malformed reference is an invalid image name, not a pull', () => {
    for (const ref of [`nginx:${'1'.repeat(10_000)}`, 'nginx::1', 'Nginx:1.14.2', 'nginx@sha256:abc']) {
      expect(runtime().pull(ref)).toMatchObject({ ok: false, reason: 'InvalidImageName', durationMs: 0 });
    }
  });

  it('pull time grows with the image size', () => {
    const small = runtime().pull('alpine:3.8');
    const big = runtime().pull('python:3.12');
    expect(small.ok && big.ok && big.sizeBytes > 50 * small.sizeBytes).toBe(true);
    expect(big.durationMs).toBeGreaterThan(10 * small.durationMs);
  });

  it('knows Docker official images back to their 2014 file format', () => {
    expect(catalogueTags('docker.io/library/nginx')?.has('1.7.1')).toBe(true);
    expect(catalogueTags('docker.io/library/nginx')?.size).toBeGreaterThan(1000);
    expect(catalogueTags('docker.io/library/nosuch')).toBeUndefined();
  });
});
