import { describe, expect, it } from 'vitest';
import { FileSystem, newDir, shareTree, treeFrom } from './fs.js';

function twoOverOneImage(): [FileSystem, FileSystem] {
  const image = shareTree(treeFrom({ '/etc/motd': 'hi\n', '/usr/bin/tool': 'x', '/var/lib/': '' }, 5));
  return [new FileSystem(() => 100, image), new FileSystem(() => 200, image)];
}

describe('file systems over one shared (copy-on-write) tree', () => {
  it('keeps each one\'s writes, appends, chmods, removals and renames to itself', () => {
    const [a, b] = twoOverOneImage();
    a.writeFile('/etc/motd', 'bye\n', { append: true });
    a.chmod('/usr/bin/tool', 0o700);
    a.remove('/var/lib');
    a.rename('/etc/motd', '/etc/motd.old');
    a.writeFile('/usr/bin/new', 'n');
    a.mkdir('/etc/conf.d');
    a.symlink('/etc/motd.old', '/etc/link');
    expect(a.readFile('/etc/motd.old')).toBe('hi\nbye\n');
    expect(a.stat('/usr/bin/tool').mode).toBe(0o700);
    expect(a.readdir('/etc')).toEqual(['conf.d', 'link', 'motd.old']);
    expect(a.exists('/var/lib')).toBe(false);
    expect(b.readFile('/etc/motd')).toBe('hi\n');
    expect(b.stat('/usr/bin/tool')).toEqual({ kind: 'file', size: 1, mode: 0o644, mtime: 5, uid: 0, gid: 0 });
    expect(b.readdir('/etc')).toEqual(['motd']);
    expect(b.readdir('/usr/bin')).toEqual(['tool']);
    expect(b.exists('/var/lib')).toBe(true);
    expect(b.stat('/etc').mtime).toBe(5);
  });

  it('writes through a symlink into a shared directory stay private', () => {
    const [a, b] = twoOverOneImage();
    a.symlink('/etc', '/cfg');
    a.writeFile('/cfg/motd', 'changed');
    expect(a.readFile('/etc/motd')).toBe('changed');
    expect(b.readFile('/etc/motd')).toBe('hi\n');
  });
});

describe('ownership', () => {
  it('new entries belong to the creator, and take the group of a set-group-ID directory', () => {
    const fs = new FileSystem(() => 0);
    fs.creator = { uid: 1000, gid: 3000 };
    fs.mkdir('/plain');
    fs.writeFile('/plain/f', 'x');
    expect(fs.stat('/plain/f')).toMatchObject({ uid: 1000, gid: 3000 });
    fs.root.children.set('vol', { ...newDir(0, 0o2777), gid: 2000 });
    fs.writeFile('/vol/f', 'x');
    fs.mkdir('/vol/d');
    expect(fs.stat('/vol/f')).toMatchObject({ uid: 1000, gid: 2000, mode: 0o644 });
    expect(fs.stat('/vol/d')).toMatchObject({ uid: 1000, gid: 2000, mode: 0o2755 });
  });

  it('a read-only root refuses writes with EROFS, except in the directories left writable', () => {
    const fs = new FileSystem(() => 0);
    fs.mkdir('/dev');
    fs.setReadOnlyRoot(['/dev']);
    expect(() => fs.writeFile('/x', '')).toThrow('EROFS');
    expect(() => fs.mkdir('/y')).toThrow('EROFS');
    fs.writeFile('/dev/termination-log', 'bye');
    expect(fs.readFile('/dev/termination-log')).toBe('bye');
  });
});
