/**
 * The BIND 9 tools as the dnsutils (Debian), bind-tools (Alpine) and bind-utils (Fedora) packages
 * install them; the release follows the machine's distribution (/etc/os-release), as its package
 * index pins it (programs/packages).
 */
import { machineOf } from '../../kernel/machine.js';
import type { Program } from '../../kernel/process.js';
import { bindDig } from './dig.js';
import { bindHost } from './host.js';
import type { BindRelease } from './lookup.js';
import { bindNslookup } from './nslookup.js';

const RELEASES: Record<string, BindRelease> = {
  debian: { version: '9.18.28-1~deb12u2-Debian' },
  alpine: { version: '9.18.32' },
  fedora: { version: '9.18.30' },
};

/** dig names its release in its banner; host and nslookup print the same whatever the release. */
function onRelease(build: (r: BindRelease) => Program): Program {
  const built = new Map<string, Program>();
  return function* (proc) {
    const id = /^ID=(\S+)$/m.exec(machineOf(proc).fs.readFileOr('/etc/os-release'))?.[1]?.replace(/"/g, '') ?? 'debian';
    const key = id in RELEASES ? id : 'debian';
    let program = built.get(key);
    if (!program) built.set(key, (program = build(RELEASES[key])));
    return yield* program(proc);
  };
}

export const BIND_TOOLS: Record<string, Program> = {
  dig: onRelease(bindDig),
  host: bindHost(),
  nslookup: bindNslookup(),
};
