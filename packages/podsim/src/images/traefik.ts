/**
 * docker.io/library/traefik (traefik/traefik-library-image): alpine with ca-certificates and tzdata,
 * /usr/local/bin/traefik, and /entrypoint.sh in front of CMD ["traefik"]: flags alone, or a Traefik
 * subcommand, run through traefik; anything else runs as given after a note on stderr. EXPOSE 80.
 * What `traefik version` prints per release comes from traefik-releases.generated.json
 * (scripts/gen-traefik-releases.ts over the traefik repository's tags).
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { execInPlace } from '../programs/exec-in-place.js';
import { traefikProgram, type TraefikRelease } from '../programs/servers/traefik.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { compareVersions, splitTag } from './families/version.js';
import data from './traefik-releases.generated.json';
import { DEFAULT_PATH } from './types.js';
import { alpineBase, merge } from './userland.js';

const RELEASES = data.releases as unknown as Record<string, [built: string, go: string]>;
const CODENAMES = data.codenames as Record<string, string>;
const SUBCOMMANDS = ['traefik', 'version', 'healthcheck'];

/** The release a tag stands for: `v3.1` → the newest 3.1.x, a codename → its minor's newest, `latest` → the newest. */
export function traefikRelease(tag: string): TraefikRelease {
  const { version, variant } = splitTag(tag);
  const minor = Object.entries(CODENAMES).find(([, name]) => variant.startsWith(name))?.[0];
  const prefix = version || minor;
  const candidates = Object.keys(RELEASES).filter((v) => !prefix || v === prefix || v.startsWith(`${prefix}.`));
  const full = (candidates.length > 0 ? candidates : Object.keys(RELEASES)).sort(compareVersions).pop() ?? '3.0.0';
  const [built, go] = RELEASES[full] ?? ['', ''];
  return { version: full, codename: CODENAMES[full.split('.').slice(0, 2).join('.')] ?? '', go, built };
}

const entrypoint: Program = function* (proc) {
  let args = proc.argv.slice(1);
  if (args[0]?.startsWith('-')) args = ['traefik', ...args];
  if (SUBCOMMANDS.includes(args[0] ?? '')) {
    if (args[0] !== 'traefik') args = ['traefik', ...args];
  } else {
    proc.stderr.write(`= '${args[0] ?? ''}' is not a Traefik command: assuming shell execution.\n`);
  }
  return yield* execInPlace(proc, args, '/entrypoint.sh');
};

export const traefikImage: FamilyBuild = (repository, tag) => {
  const release = traefikRelease(tag);
  return {
    name: repository,
    tags: [tag],
    ...merge(alpineBase(), { binaries: { '/usr/local/bin/traefik': traefikProgram(release), '/entrypoint.sh': entrypoint } }),
    config: {
      entrypoint: ['/entrypoint.sh'],
      cmd: ['traefik'],
      env: { PATH: DEFAULT_PATH },
      workingDir: '/',
      stopSignal: SIGNALS.SIGTERM,
      exposedPorts: [80],
      user: '',
    },
    size: imageSize(repository, splitTag(tag).variant, 47_600_000),
    flavor: 'busybox',
  };
};
