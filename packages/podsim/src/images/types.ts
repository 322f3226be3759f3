/**
 * What an image is to the simulator: a file tree, the programs behind its executables, and the
 * OCI config (entrypoint, cmd, env, …) the runtime reads when it creates a container.
 */
import type { Program } from '../kernel/process.js';

/** The PATH an image's config carries when its Dockerfile sets none (Docker's default). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  env: Record<string, string>;
  workingDir: string;
  /** Signal number from STOPSIGNAL (SIGTERM when the image does not set one). */
  stopSignal: number;
  exposedPorts: number[];
  user: string;
}

export interface Image {
  /** Fully qualified repository, e.g. `docker.io/library/nginx`. */
  name: string;
  tags: string[];
  /** Regular files by absolute path; a trailing slash makes an (empty) directory. */
  files: Record<string, string>;
  /** Symbolic links by absolute path → target (busybox applets, /bin → /usr/bin merges). */
  links?: Record<string, string>;
  /** Executables by absolute path; the runtime writes an ELF stub there that points back to the Program. */
  binaries: Record<string, Program>;
  config: ImageConfig;
  /** Compressed size in bytes, as `Image size: N bytes.` reports it. */
  size: number;
  /** Real manifest digests where known (tag → `sha256:…`); others are derived from the name. */
  digests?: Record<string, string>;
  /** GNU or busybox wording for the shared coreutils programs. */
  flavor: 'busybox' | 'gnu';
  /** Working set of the idle entrypoint in bytes (its binary and heap), what `kubectl top` shows before it does any work. */
  resident?: number;
}

export interface ImageRef {
  /** `docker.io`, `gcr.io`, `registry.k8s.io`, … */
  domain: string;
  /** Path inside the registry, e.g. `library/nginx`. */
  path: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx` */
  repository: string;
  /** `docker.io/library/nginx:latest` (tag defaulted), or `repo@sha256:…` for digests. */
  canonical: string;
}
