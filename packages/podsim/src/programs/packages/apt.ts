/**
 * apt-get and apt on Debian and Ubuntu images: `update` fetches the lists (without it, nothing can
 * be located, as in a fresh image), `install [-y] PKG…` from the offline index with apt's output,
 * `remove`. Unknown packages end with `E: Unable to locate package NAME` and status 100; a package
 * whose programs the image already has is "already the newest version".
 */
import { machineOf } from '../../kernel/machine.js';
import type { Proc, Program } from '../../kernel/process.js';
import { findPackage, type Package } from './index.js';
import { download, installFiles, marker, osRelease, touch } from './install.js';

const LISTS = '/var/lib/apt/lists/lock';

/**
 * A size as apt prints it (SizeToStr in apt-pkg/contrib/strutl.cc): powers of 1000, one decimal
 * below 100 of a unit, none below 10000 of it (`48.0 kB`, `315 kB`, `8792 kB`, `12.3 MB`).
 */
export function aptSize(kb: number): string {
  let size = kb * 1000;
  for (const unit of ['', 'k', 'M', 'G', 'T']) {
    if (size < 100 && unit !== '') return `${size.toFixed(1)} ${unit}B`;
    if (size < 10_000) return `${size.toFixed(0)} ${unit}B`;
    size /= 1000;
  }
  return `${size.toFixed(0)} PB`;
}

function mirrors(codename: string, ubuntu: boolean): [string, string, number][] {
  if (ubuntu) {
    const m = 'http://archive.ubuntu.com/ubuntu';
    return [[m, `${codename} InRelease`, 256], [m, `${codename}-updates InRelease`, 126], [m, `${codename}-security InRelease`, 126], [m, `${codename}/main amd64 Packages`, 1808]];
  }
  const d = 'http://deb.debian.org/debian';
  const s = 'http://deb.debian.org/debian-security';
  return [[d, `${codename} InRelease`, 151], [d, `${codename}-updates InRelease`, 55.4], [s, `${codename}-security InRelease`, 48], [d, `${codename}/main amd64 Packages`, 8792], [d, `${codename}-updates/main amd64 Packages`, 13.5], [s, `${codename}-security/main amd64 Packages`, 243]];
}

/** The image (or an earlier install) already has every program of the package. */
function installed(proc: Proc, p: Package): boolean {
  const fs = machineOf(proc).fs;
  return p.bins.every((b) => fs.exists(`/usr/bin/${b}`) || fs.exists(`/bin/${b}`));
}

export const aptGet: Program = function* (proc) {
  const args = proc.argv.slice(1);
  // `apt`, the interactive front end: the same work, a few more lines, and a warning when its output is not a terminal.
  const front = (proc.argv[0] ?? '').split('/').pop() === 'apt';
  const cmd = args.find((a) => !a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-')).slice(1);
  const codename = osRelease(proc, 'VERSION_CODENAME') || 'bookworm';
  const ubuntu = osRelease(proc, 'ID') === 'ubuntu';
  const out = (s: string) => proc.stdout.write(`${s}\n`);
  if (cmd === undefined) {
    out(`apt 2.6.1 (amd64)\nUsage: ${front ? 'apt' : 'apt-get'} [options] command\n       ${front ? 'apt' : 'apt-get'} [options] install|remove pkg1 [pkg2 ...]`);
    return 1;
  }
  if (front && !proc.stdout.isTTY) proc.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  if (proc.ctx && (proc.ctx as { user?: string }).user && (proc.ctx as { user?: string }).user !== 'root' && cmd !== 'help') {
    proc.stderr.write('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
    return 100;
  }
  if (cmd === 'update') {
    const lists = mirrors(codename, ubuntu);
    let total = 0;
    for (const [i, [url, what, size]] of lists.entries()) {
      yield* download(proc, size);
      total += size;
      out(`Get:${i + 1} ${url} ${what} [${aptSize(size)}]`);
    }
    out(`Fetched ${aptSize(Math.round(total))} in 1s (${aptSize(Math.round(total * 0.7))}/s)`);
    out('Reading package lists... Done');
    if (front) out('Building dependency tree... Done\nReading state information... Done\nAll packages are up to date.');
    touch(proc, LISTS);
    return 0;
  }
  if (cmd !== 'install' && cmd !== 'remove') {
    proc.stderr.write(`E: Invalid operation ${cmd}\n`);
    return 100;
  }
  out('Reading package lists... Done');
  out('Building dependency tree... Done');
  out('Reading state information... Done');
  const updated = marker(proc, LISTS);
  const found: Package[] = [];
  for (const name of names) {
    const p = updated ? findPackage('debian', name) : undefined;
    if (!p) {
      proc.stderr.write(`E: Unable to locate package ${name}\n`);
      return 100;
    }
    if (!found.includes(p)) found.push(p);
  }
  if (cmd === 'remove') {
    out(`0 upgraded, 0 newly installed, ${found.length} to remove and 0 not upgraded.`);
    return 0;
  }
  const present = found.filter((p) => installed(proc, p));
  for (const p of present) out(`${p.names.debian} is already the newest version (${p.versions.debian}).`);
  const fresh = found.filter((p) => !present.includes(p));
  if (fresh.length === 0) {
    out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return 0;
  }
  const kb = fresh.reduce((n, p) => n + p.kb, 0);
  out('The following NEW packages will be installed:');
  out(`  ${fresh.map((p) => p.names.debian).join(' ')}`);
  out(`0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.`);
  out(`Need to get ${aptSize(kb)} of archives.`);
  out(`After this operation, ${aptSize(kb * 3)} of additional disk space will be used.`);
  const mirror = ubuntu ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian';
  for (const [i, p] of fresh.entries()) {
    yield* download(proc, p.kb);
    out(`Get:${i + 1} ${mirror} ${codename}/main amd64 ${p.names.debian} amd64 ${p.versions.debian} [${aptSize(p.kb)}]`);
  }
  out('debconf: delaying package configuration, since apt-utils is not installed');
  out(`Fetched ${aptSize(kb)} in 0s (${aptSize(kb * 10)}/s)`);
  for (const p of fresh) {
    const v = p.versions.debian ?? '';
    out(`Selecting previously unselected package ${p.names.debian}.`);
    out('(Reading database ... 6090 files and directories currently installed.)');
    out(`Preparing to unpack .../${p.names.debian}_${v.replace(':', '%3a')}_amd64.deb ...`);
    out(`Unpacking ${p.names.debian} (${v}) ...`);
  }
  for (const p of fresh) {
    installFiles(proc, p);
    out(`Setting up ${p.names.debian} (${p.versions.debian}) ...`);
  }
  return 0;
};
