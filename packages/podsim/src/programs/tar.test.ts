/**
 * tar in both wordings. GNU texts and exit codes as GNU tar 1.34 (Debian bookworm's) prints them on
 * this machine (`tar cf - /nonexistent`, `tar -xmf - -C /nonexist`, `tar xf - </dev/null`, `tar cf -`);
 * busybox texts from its archival/tar.c and libarchive (strip_unsafe_prefix, get_header_tar).
 */
import { describe, expect, it } from 'vitest';
import { decodeTar } from '../format/tar.js';
import { machine } from './testing.js';

const files = { '/data/a.txt': 'alpha\n', '/data/sub/b.txt': 'beta ✓\n', '/data/empty/': '' };

describe('tar c', () => {
  it('archives a tree with relative member names, directories with a slash, GNU records of 10240 bytes', () => {
    const m = machine({ flavor: 'gnu', files });
    const r = m.run(['tar', 'cf', '-', '/data']);
    expect(r.code).toBe(0);
    expect(r.err.text).toBe("tar: Removing leading `/' from member names\n");
    expect(new TextEncoder().encode(r.out.text).length % 10240).toBe(0);
    const t = decodeTar(r.out.text);
    expect(t.ended).toBe(true);
    expect(t.entries.map((e) => [e.name, e.type, e.data])).toEqual([
      ['data/', 'dir', ''],
      ['data/a.txt', 'file', 'alpha\n'],
      ['data/empty/', 'dir', ''],
      ['data/sub/', 'dir', ''],
      ['data/sub/b.txt', 'file', 'beta ✓\n'],
    ]);
  });

  it('GNU: a missing file is reported after the prefix warning, the archive still written, status 2', () => {
    const m = machine({ flavor: 'gnu', files });
    const r = m.run(['tar', 'cf', '-', '/nonexistent']);
    expect(r.err.text).toBe("tar: Removing leading `/' from member names\ntar: /nonexistent: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n");
    expect(r.code).toBe(2);
    expect(decodeTar(r.out.text)).toEqual({ entries: [], ended: true });
  });

  it('busybox: no prefix warning for a file it never found; its delayed-error line and status 1', () => {
    const m = machine({ flavor: 'busybox', files });
    const r = m.run(['tar', 'cf', '-', '/nonexistent']);
    expect(r.err.text).toBe('tar: /nonexistent: No such file or directory\ntar: error exit delayed from previous errors\n');
    expect(r.code).toBe(1);
    const ok = m.run(['tar', 'cf', '-', '/data/a.txt']);
    expect(ok.err.text).toBe("tar: removing leading '/' from member names\n");
    expect(new TextEncoder().encode(ok.out.text).length).toBe(2 * 512 + 1024);
  });

  it('GNU names every distinct stripped prefix once', () => {
    const m = machine({ flavor: 'gnu', files });
    const r = m.run(['tar', 'cf', '-', '../../data/a.txt'], { cwd: '/data/sub' });
    expect(r.err.text).toBe("tar: Removing leading `../../' from member names\n");
    expect(decodeTar(r.out.text).entries.map((e) => e.name)).toEqual(['data/a.txt']);
  });

  it('refuses an empty archive, a missing mode, and a terminal as the archive', () => {
    const gnu = machine({ flavor: 'gnu', files });
    expect(gnu.run(['tar', 'cf', '-']).err.text).toBe("tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n");
    const none = gnu.run(['tar']);
    expect([none.code, none.err.text]).toEqual([2, "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n"]);
    expect(gnu.run(['tar', 'cf', '-', '/data'], { tty: true }).code).toBe(2);
    expect(machine({ flavor: 'busybox' }).run(['tar', 'cf', '-']).err.text).toBe('tar: empty archive\n');
  });
});

describe('tar x and t', () => {
  it('extracts what c made into -C, keeping modes as root; -v and t list the members', () => {
    const src = machine({ flavor: 'gnu', files });
    src.fs.chmod('/data/a.txt', 0o600);
    const archive = src.run(['tar', 'cf', '-', '-C', '/data', 'a.txt', 'sub']).out.text;
    const dst = machine({ flavor: 'gnu', files: { '/out/': '' } });
    const r = dst.run(['tar', '-xmf', '-', '-C', '/out', '-v'], { stdin: archive });
    expect([r.code, r.err.text, r.out.text]).toEqual([0, '', 'a.txt\nsub/\nsub/b.txt\n']);
    expect(dst.fs.readFile('/out/sub/b.txt')).toBe('beta ✓\n');
    expect(dst.fs.stat('/out/a.txt').mode).toBe(0o600);
    expect(dst.run(['tar', 'tf', '-'], { stdin: archive }).out.text).toBe('a.txt\nsub/\nsub/b.txt\n');
  });

  it('a -C directory that does not exist stops GNU tar with status 2 and busybox with 1', () => {
    const archive = machine({ flavor: 'gnu', files }).run(['tar', 'cf', '-', '-C', '/data', 'a.txt']).out.text;
    const gnu = machine({ flavor: 'gnu' }).run(['tar', '-xmf', '-', '-C', '/nonexist'], { stdin: archive });
    expect([gnu.code, gnu.err.text]).toEqual([2, 'tar: /nonexist: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n']);
    const bb = machine({ flavor: 'busybox' }).run(['tar', '-xmf', '-', '-C', '/nonexist'], { stdin: archive });
    expect([bb.code, bb.err.text]).toEqual([1, "tar: can't change directory to '/nonexist': No such file or directory\n"]);
  });

  it('input that is not an archive, empty input and a truncated archive', () => {
    const gnu = machine({ flavor: 'gnu' });
    for (const stdin of ['', 'garbage\n']) {
      const r = gnu.run(['tar', 'xf', '-'], { stdin });
      expect([r.code, r.err.text]).toEqual([2, 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n']);
    }
    const bb = machine({ flavor: 'busybox' });
    expect(bb.run(['tar', 'xf', '-'], { stdin: '' })).toMatchObject({ code: 0 });
    expect(bb.run(['tar', 'xf', '-'], { stdin: 'garbage\n' })).toMatchObject({ code: 1 });
    expect(bb.run(['tar', 'xf', '-'], { stdin: 'garbage\n' }).err.text).toBe('tar: short read\n');
    expect(bb.run(['tar', 'xf', '-'], { stdin: 'x'.repeat(600) }).err.text).toBe('tar: invalid tar magic\n');
    const archive = machine({ flavor: 'gnu', files }).run(['tar', 'cf', '-', '-C', '/data', 'a.txt']).out.text;
    const cut = gnu.run(['tar', 'xf', '-', '-C', '/'], { stdin: archive.slice(0, 700) });
    expect([cut.code, cut.err.text]).toEqual([2, 'tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n']);
  });

  it('--no-same-owner and --no-same-permissions as kubectl cp --no-preserve sends them', () => {
    const src = machine({ flavor: 'gnu', files });
    src.fs.chmod('/data/a.txt', 0o666);
    const archive = src.run(['tar', 'cf', '-', '-C', '/data', 'a.txt']).out.text;
    const dst = machine({ flavor: 'gnu', files: { '/out/': '' } });
    expect(dst.run(['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-', '-C', '/out'], { stdin: archive }).code).toBe(0);
    expect(dst.fs.stat('/out/a.txt').mode).toBe(0o644);
  });
});
