/**
 * Fedora's dnf (and yum, its alias): `install [-y] PKG…` with the transaction table, from the
 * offline index; an unknown package: "No match for argument" and status 1.
 */
import type { Program } from '../../kernel/process.js';
import { findPackage, type Package } from './index.js';
import { download, installFiles, kB, osRelease } from './install.js';

export const dnf: Program = function* (proc) {
  const args = proc.argv.slice(1);
  const [cmd, ...names] = args.filter((a) => !a.startsWith('-'));
  const yes = args.includes('-y') || args.includes('--assumeyes');
  const release = osRelease(proc, 'VERSION_ID') || '41';
  const out = (s: string) => proc.stdout.write(`${s}\n`);
  if (cmd !== 'install') {
    proc.stderr.write(cmd === undefined ? 'usage: dnf [options] COMMAND\n' : `No such command: ${cmd}. Please use /usr/bin/dnf --help\n`);
    return 1;
  }
  out('Updating and loading repositories:');
  yield* download(proc, 30_000);
  out(` Fedora ${release} - x86_64 - Updates                                100% |   5.1 MiB/s |  12.3 MiB |  00m02s`);
  out(` Fedora ${release} - x86_64                                          100% |  14.8 MiB/s |  35.4 MiB |  00m02s`);
  out('Repositories loaded.');
  const found: Package[] = [];
  for (const name of names) {
    const p = findPackage('fedora', name);
    if (!p) {
      proc.stderr.write(`Failed to resolve the transaction:\nNo match for argument: ${name}\nYou can try to add to command line:\n  --skip-unavailable to skip unavailable packages\n`);
      return 1;
    }
    if (!found.includes(p)) found.push(p);
  }
  out('Package                Arch    Version                 Repository      Size');
  out('Installing:');
  for (const p of found) out(` ${(p.names.fedora ?? '').padEnd(22)} x86_64  ${(p.versions.fedora ?? '').padEnd(23)} fedora  ${kB(p.kb * 3).padStart(9)}`);
  out('');
  out('Transaction Summary:');
  out(` Installing:        ${found.length} package${found.length === 1 ? '' : 's'}`);
  if (!yes) {
    out('Is this ok [y/N]: Operation aborted by the user.');
    return 1;
  }
  for (const p of found) yield* download(proc, p.kb);
  out(`[1/${found.length + 1}] Verify package files                     100% |   0.0   B/s |   ${found.length}.0   B |  00m00s`);
  for (const p of found) installFiles(proc, p);
  out('Complete!');
  return 0;
};
