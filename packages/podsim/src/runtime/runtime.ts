/**
 * One node's container runtime (containerd): an image cache, pulls against the simulated
 * registries, and pod sandboxes with their containers.
 */
import type { Clock } from '../clock/clock.js';
import type { Network } from '../kernel/net.js';
import { findImage, parseImageRef } from '../images/index.js';
import type { Random } from '../random/random.js';
import { resolvePull } from './pull.js';
import { Sandbox } from './sandbox.js';
import type { ContainerRuntime, PodSandbox, PullResult, SandboxConfig } from './types.js';

export class Runtime implements ContainerRuntime {
  readonly nodeName: string;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly network: Network;
  /** Canonical references of images in the node's content store. */
  private readonly cache = new Set<string>();

  constructor(opts: { clock: Clock; random: Random; network: Network; nodeName: string }) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.network = opts.network;
    this.nodeName = opts.nodeName;
  }

  pull(image: string): PullResult {
    const r = resolvePull(image, this.isPresent(image));
    if (r.ok) this.cache.add(r.imageRef);
    return r;
  }

  /**
   * Puts images in the store without a pull (what the node held when it joined the cluster). Only their
   * references: the images themselves are built when a container uses them, so a family the site's worker
   * loads later (etcd) is not needed at boot.
   */
  preload(images: readonly string[]): void {
    for (const image of images) {
      const parsed = parseImageRef(image);
      if (parsed.ok) this.cache.add(parsed.canonical);
    }
  }

  isPresent(image: string): boolean {
    const found = findImage(image);
    return found.ok && this.cache.has(found.ref.canonical);
  }

  /** Images in the node's store (canonical references), for `crictl images`-like views. */
  images(): string[] {
    return [...this.cache].sort();
  }

  createSandbox(cfg: SandboxConfig): PodSandbox {
    return new Sandbox(this.clock, this.random, this.network, cfg);
  }
}
