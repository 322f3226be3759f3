/**
 * Compressed image sizes (bytes, linux/amd64) per repository and variant, as Docker Hub lists them
 * for recent tags. APPROXIMATE: one figure per family and variant, not per tag; pull time follows
 * them. Columns: default (Debian) variant, `-alpine`, `-slim`.
 */
const MB = 1_000_000;

const SIZES: Record<string, [full: number, alpine?: number, slim?: number]> = {
  'docker.io/library/nginx': [72.2 * MB, 20.5 * MB],
  'docker.io/library/httpd': [58.4 * MB, 21.9 * MB],
  'docker.io/library/caddy': [18.9 * MB, 18.9 * MB],
  'docker.io/library/traefik': [47.6 * MB, 47.6 * MB],
  'docker.io/library/redis': [45.1 * MB, 17.4 * MB],
  'docker.io/library/memcached': [31.9 * MB, 4.6 * MB],
  'docker.io/library/postgres': [154.2 * MB, 105.3 * MB],
  'docker.io/library/mysql': [170.4 * MB, undefined, undefined],
  'docker.io/library/mariadb': [117.8 * MB],
  'docker.io/library/mongo': [258.2 * MB],
  'docker.io/library/rabbitmq': [90.6 * MB, 74.3 * MB],
  'docker.io/library/python': [392.4 * MB, 19.6 * MB, 45.4 * MB],
  'docker.io/library/node': [398.8 * MB, 48.2 * MB, 72.6 * MB],
  'docker.io/library/golang': [292.6 * MB, 78.3 * MB],
  'docker.io/library/openjdk': [327.6 * MB, 191.0 * MB, 218.1 * MB],
  'docker.io/library/eclipse-temurin': [161.3 * MB, 116.2 * MB],
  'docker.io/library/perl': [336.2 * MB, undefined, 40.1 * MB],
  'docker.io/library/ruby': [376.2 * MB, 38.3 * MB, 76.5 * MB],
  'docker.io/library/php': [181.5 * MB, 35.7 * MB],
  'docker.io/library/busybox': [2.17 * MB],
  'docker.io/library/alpine': [3.64 * MB],
  'docker.io/library/debian': [48.5 * MB, undefined, 28.2 * MB],
  'docker.io/library/ubuntu': [29.8 * MB],
  'docker.io/library/fedora': [62.9 * MB],
  'docker.io/library/centos': [79.7 * MB],
  'docker.io/library/hello-world': [0.0137 * MB],
};

/** Size in bytes of `repository` in `variant` (`alpine3.20`, `slim-bookworm`, …); `fallback` when unlisted. */
export function imageSize(repository: string, variant: string, fallback: number): number {
  const row = SIZES[repository];
  if (!row) return fallback;
  const [full, alpine, slim] = row;
  const size = /(^|-)alpine/.test(variant) ? (alpine ?? full) : /(^|-)slim/.test(variant) ? (slim ?? full) : full;
  return Math.round(size);
}
