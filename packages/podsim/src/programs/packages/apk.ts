/**
 * Alpine's apk: `add [--no-cache] PKG…` fetches the indexes and installs from the offline index,
 * `update` fetches the indexes; an unknown package fails as apk does ("unable to select packages").
 */
import type { Program } from '../../kernel/process.js';
import { findPackage, type Package } from './index.js';
import { download, installFiles, osRelease } from './install.js';

export const apk: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const [cmd, ...rest] = args.filter((a) => !a.startsWith('-'));
  const version = osRelease(proc, 'VERSION_ID') || '3.21.2';
  const branch = `v${version.split('.').slice(0, 2).join('.')}`;
  const out = (s: string) => proc.stdout.write(`${s}\n`);
  const fetchIndexes = function* () {
    for (const repo of ['main', 'community']) {
      yield* download(proc, 400);
      out(`fetch https://dl-cdn.alpinelinux.org/alpine/${branch}/${repo}/x86_64/APKINDEX.tar.gz`);
    }
  };
  if (cmd === 'update') {
    yield* fetchIndexes();
    out(`${branch}-${Math.floor(proc.clock.now() / 1e9)} [https://dl-cdn.alpinelinux.org/alpine/${branch}/main]`);
    out(`OK: 24148 distinct packages available`);
    return 0;
  }
  if (cmd !== 'add') {
    proc.stderr.write(cmd === undefined ? 'apk-tools 2.14.6, compiled for x86_64.\n' : `apk: unknown command '${cmd}'\n`);
    return 1;
  }
  yield* fetchIndexes();
  const found: Package[] = [];
  const missing = rest.filter((name) => {
    const p = findPackage('alpine', name);
    if (p && !found.includes(p)) found.push(p);
    return !p;
  });
  if (missing.length > 0) {
    proc.stderr.write(`ERROR: unable to select packages:\n${missing.map((m) => `  ${m} (no such package):\n    required by: world[${m}]\n`).join('')}`);
    return 1;
  }
  for (const [i, p] of found.entries()) {
    yield* download(proc, p.kb);
    out(`(${i + 1}/${found.length}) Installing ${p.names.alpine} (${p.versions.alpine})`);
    installFiles(proc, p);
  }
  out('Executing busybox-1.37.0-r8.trigger');
  out(`OK: ${8 + Math.round(found.reduce((n, p) => n + p.kb * 3, 0) / 1000)} MiB in ${15 + found.length} packages`);
  return 0;
};
