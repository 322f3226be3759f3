import { describe, expect, it } from 'vitest';
import { FileSystem, shareTree, treeFrom } from './fs.js';

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
    expect(b.stat('/usr/bin/tool')).toEqual({ kind: 'file', size: 1, mode: 0o644, mtime: 5 });
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
