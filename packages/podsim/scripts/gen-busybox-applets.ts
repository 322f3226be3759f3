/**
 * Builds src/programs/busybox-applets.generated.json: which applets the docker library's busybox
 * image of each BusyBox release links (what `busybox --list` prints), stored as deltas between releases.
 *  - Releases the docker-library/busybox `dist-amd64` branch still carries (the newest two): the hard
 *    links to the busybox binary in the glibc and musl rootfs.tar.gz themselves; the banner's build time
 *    is the binary's mtime (the images are built with SOURCE_DATE_EPOCH).
 *  - Older releases: the BusyBox source at the release tag configured as that era's Dockerfile.builder
 *    did (`make defconfig`, then CONFIG_AR and CONFIG_FEATURE_AR_CREATE set; the musl variant also
 *    unsets the utmp/wtmp and RPC features), and the applet links `make busybox.links` lists.
 * Run: `npx tsx packages/podsim/scripts/gen-busybox-applets.ts <busybox source clone> <docker-library/busybox clone>`
 * (bare clones work; needs make and a C compiler for the configuration tool).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../src/programs/busybox-applets.generated.json');
const [sourceClone, dockerClone] = process.argv.slice(2);
if (!sourceClone || !dockerClone) throw new Error('usage: gen-busybox-applets.ts <busybox source clone> <docker-library/busybox clone>');

/** Release builds a Kubernetes page may still pull: the old registry.k8s.io/busybox ones and every docker tag from 1.28. */
const FIRST_MINOR = 24;
/** A build-time banner seen in real output where the release's image is not available any more. */
const KNOWN_BANNER_TIMES: Record<string, string> = {
  // `kubectl exec ... nslookup` in a busybox:1.28 pod, quoted in many Kubernetes DNS debugging write-ups
  '1.28.4': '2018-05-22 17:00:17',
};

const run = (cmd: string, args: string[], opts: { cwd?: string; input?: Buffer } = {}) =>
  execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
const git = (dir: string, ...args: string[]) => run('git', ['-C', dir, ...args]);

interface Build {
  release: string;
  time: string;
  timeSource: string;
  glibc: string[];
  musl: string[];
}

function setConfig(config: string, set: string[], unset: string[]): string {
  let out = config;
  for (const name of unset) out = out.replace(new RegExp(`^${name}=.*$`, 'm'), `# ${name} is not set`);
  for (const name of set) {
    const line = `${name}=y`;
    const re = new RegExp(`^(# ${name} is not set|${name}=.*)$`, 'm');
    out = re.test(out) ? out.replace(re, line) : `${out}${line}\n`;
  }
  return out;
}

function appletsFromSource(tree: string, unset: string[]): string[] {
  run('make', ['-s', 'defconfig'], { cwd: tree });
  const config = join(tree, '.config');
  writeFileSync(config, setConfig(readFileSync(config, 'utf8'), ['CONFIG_AR', 'CONFIG_FEATURE_AR_CREATE'], unset));
  run('make', ['-s', 'oldconfig'], { cwd: tree, input: Buffer.from('\n'.repeat(200)) });
  rmSync(join(tree, 'busybox.links'), { force: true });
  run('make', ['-s', 'busybox.links'], { cwd: tree });
  const links = readFileSync(join(tree, 'busybox.links'), 'utf8').split('\n').filter(Boolean);
  return [...new Set(links.map((l) => l.slice(l.lastIndexOf('/') + 1)))].sort();
}

const MUSL_UNSET = ['CONFIG_FEATURE_SYNC_FANCY', 'CONFIG_FEATURE_HAVE_RPC', 'CONFIG_FEATURE_INETD_RPC', 'CONFIG_FEATURE_UTMP', 'CONFIG_FEATURE_WTMP'];

function sourceBuild(tag: string): Build {
  const tree = mkdtempSync(join(tmpdir(), 'busybox-'));
  try {
    run('tar', ['x', '-C', tree], { input: git(sourceClone, 'archive', tag) });
    const glibc = appletsFromSource(tree, []);
    const musl = appletsFromSource(tree, MUSL_UNSET);
    const release = tag.replaceAll('_', '.');
    const tagTime = new Date(git(sourceClone, 'log', '-1', '--format=%cI', tag).toString().trim()).toISOString().replace('T', ' ').slice(0, 19);
    const known = KNOWN_BANNER_TIMES[release];
    return { release, glibc, musl, time: known ?? tagTime, timeSource: known ? 'real output' : 'release tag commit time' };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** Applet names of one rootfs (`tar tv` listing): the binary `bin/[` and the entries hard-linked to it. */
function rootfsApplets(listing: string): string[] {
  const names = new Set<string>();
  for (const line of listing.split('\n')) {
    const m = / bin\/(\S+) link to bin\/\[$/.exec(line) ?? (line.startsWith('-') ? / bin\/(\[)$/.exec(line) : null);
    if (m) names.add(m[1]);
  }
  names.delete('busybox');
  return [...names].sort();
}

function rootfsBuild(dir: string): Build {
  const builder = git(dockerClone, 'show', `master:${dir}/glibc/Dockerfile.builder`).toString();
  const release = /ENV BUSYBOX_VERSION (\S+)/.exec(builder)?.[1];
  if (!release) throw new Error(`no BUSYBOX_VERSION in ${dir}`);
  const list = (variant: string) => run('tar', ['tvz', '--full-time'], { input: git(dockerClone, 'show', `dist-amd64:${dir}/${variant}/amd64/rootfs.tar.gz`) }).toString();
  const glibcListing = list('glibc');
  const time = / (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) bin\/\[$/m.exec(glibcListing)?.[1];
  if (!time) throw new Error(`no busybox binary in ${dir}`);
  return { release, time, timeSource: 'rootfs binary mtime', glibc: rootfsApplets(glibcListing), musl: rootfsApplets(list('musl')) };
}

const minorOf = (release: string) => release.split('.').slice(0, 2).join('.');
const builds = new Map<string, Build>();
const tags = git(sourceClone, 'tag').toString().split('\n').filter((t) => /^1_\d+_\d+$/.test(t) && Number(t.split('_')[1]) >= FIRST_MINOR);
const lastPatch = new Map<string, string>();
for (const t of tags) {
  const minor = minorOf(t.replaceAll('_', '.'));
  const prev = lastPatch.get(minor);
  if (!prev || Number(t.split('_')[2]) > Number(prev.split('_')[2])) lastPatch.set(minor, t);
}
for (const dir of ['latest-1', 'latest']) {
  const b = rootfsBuild(dir);
  builds.set(minorOf(b.release), b);
}
for (const [minor, tag] of lastPatch) if (!builds.has(minor)) builds.set(minor, sourceBuild(tag));

const delta = (from: string[], to: string[]) => ({ add: to.filter((a) => !from.includes(a)), remove: from.filter((a) => !to.includes(a)) });
const ordered = [...builds.values()].sort((a, b) => a.release.localeCompare(b.release, 'en', { numeric: true }));
let previous: string[] = [];
const releases = ordered.map((b) => {
  const entry = { release: b.release, time: b.time, timeSource: b.timeSource, ...delta(previous, b.glibc), muslRemove: delta(b.glibc, b.musl).remove, muslAdd: delta(b.glibc, b.musl).add };
  previous = b.glibc;
  return entry;
});
const sources = {
  rootfs: `docker-library/busybox dist-amd64 ${git(dockerClone, 'rev-parse', 'dist-amd64').toString().trim()}`,
  source: `busybox ${git(sourceClone, 'rev-parse', 'HEAD').toString().trim()} (release tags, make defconfig + busybox.links)`,
};
writeFileSync(OUT, `${JSON.stringify({ sources, releases })}\n`);
console.log(`${releases.length} releases → ${OUT}`);
