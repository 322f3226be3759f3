import { describe, expect, it } from 'vitest';
import { FileSystem } from '../kernel/fs.js';
import type { Program } from '../kernel/process.js';
import { executableStub } from '../kernel/executable.js';
import { lookPath } from './exec-path.js';

describe('lookPath', () => {
  const prog: Program = function* () {
    return 0;
  };
  const fs = new FileSystem();
  fs.mkdir('/bin', true);
  fs.writeFile('/bin/bash', executableStub('/bin/bash'), { mode: 0o755 });
  fs.writeFile('/etc-file', 'x');
  const bins = new Map([['/bin/bash', prog]]);
  const err = (name: string) => {
    const r = lookPath(fs, bins, name, '/bin', '/');
    return r.ok ? r.path : r.error;
  };

  it('searches $PATH for bare names and stats paths, with Go exec error texts', () => {
    expect(err('bash')).toBe('/bin/bash');
    expect(err('/bin/bash')).toBe('/bin/bash');
    expect(err('sh')).toBe('exec: "sh": executable file not found in $PATH');
    expect(err('/bin/sh')).toBe('exec: "/bin/sh": stat /bin/sh: no such file or directory');
    expect(err('/bin/bash/')).toBe('exec: "/bin/bash/": stat /bin/bash/: not a directory');
    expect(err('/etc-file')).toBe('exec: "/etc-file": permission denied');
    expect(err('/bin')).toBe('exec: "/bin": permission denied');
  });
});
