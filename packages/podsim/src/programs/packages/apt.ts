/**
 * apt-get and apt on Debian and Ubuntu images: `update` fetches the lists (without it, nothing can
 * be located, as in a fresh image), `install [-y] PKG…` from the offline index with apt's output,
 * `remove`. Unknown packages end with `E: Unable to locate package NAME` and status 100.
 */
import type { Program } from '../../kernel/process.js';
import { findPackage, type Package } from './index.js';
import { download, installFiles, kB, marker, osRelease, touch } from './install.js';

const LISTS = '/var/lib/apt/lists/lock';

function mirrors(codename: string, ubuntu: boolean): [string, string, number][] {
  if (ubuntu) {
    const m = 'http://archive.ubuntu.com/ubuntu';
    return [[m, `${codename} InRelease`, 256], [m, `${codename}-updates InRelease`, 126], [m, `${codename}-security InRelease`, 126], [m, `${codename}/main amd64 Packages`, 1808]];
  }
  const d = 'http://deb.debian.org/debian';
  const s = 'http://deb.debian.org/debian-security';
  return [[d, `${codename} InRelease`, 151], [d, `${codename}-updates InRelease`, 55.4], [s, `${codename}-security InRelease`, 48], [d, `${codename}/main amd64 Packages`, 8792], [d, `${codename}-updates/main amd64 Packages`, 13.5], [s, `${codename}-security/main amd64 Packages`, 243]];
}

export const aptGet: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const cmd = args.find((a) => !a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-')).slice(1);
  const codename = osRelease(proc, 'VERSION_CODENAME') || 'bookworm';
  const ubuntu = osRelease(proc, 'ID') === 'ubuntu';
  const out = (s: string) => proc.stdout.write(`${s}\n`);
  if (cmd === undefined) {
    out('apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]');
    return 1;
  }
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
      out(`Get:${i + 1} ${url} ${what} [${kB(size)}]`);
    }
    out(`Fetched ${kB(Math.round(total))} in 1s (${kB(Math.round(total * 0.7))}/s)`);
    out('Reading package lists... Done');
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
  const kb = found.reduce((n, p) => n + p.kb, 0);
  out('The following NEW packages will be installed:');
  out(`  ${found.map((p) => p.names.debian).join(' ')}`);
  out(`0 upgraded, ${found.length} newly installed, 0 to remove and 0 not upgraded.`);
  out(`Need to get ${kB(kb)} of archives.`);
  out(`After this operation, ${kB(kb * 3)} of additional disk space will be used.`);
  const mirror = ubuntu ? 'http://archive.ubuntu.com/ubuntu' : 'http://deb.debian.org/debian';
  for (const [i, p] of found.entries()) {
    yield* download(proc, p.kb);
    out(`Get:${i + 1} ${mirror} ${codename}/main amd64 ${p.names.debian} amd64 ${p.versions.debian} [${kB(p.kb)}]`);
  }
  out('debconf: delaying package configuration, since apt-utils is not installed');
  out(`Fetched ${kB(kb)} in 0s (${kB(kb * 10)}/s)`);
  for (const p of found) {
    const v = p.versions.debian ?? '';
    out(`Selecting previously unselected package ${p.names.debian}.`);
    out('(Reading database ... 6090 files and directories currently installed.)');
    out(`Preparing to unpack .../${p.names.debian}_${v.replace(':', '%3a')}_amd64.deb ...`);
    out(`Unpacking ${p.names.debian} (${v}) ...`);
  }
  for (const p of found) {
    installFiles(proc, p);
    out(`Setting up ${p.names.debian} (${p.versions.debian}) ...`);
  }
  return 0;
};
