/**
 * Cases carried over from kubectl 1.32 pkg/cmd/cp/cp_test.go (TestExtractFileSpec,
 * TestStripPathShortcuts, TestIsDestRelative): inputs and expected results as its tables give them.
 */
import { describe, expect, it } from 'vitest';
import { clean, extractFileSpec, isRelative, remotePath, stripPathShortcuts } from './filespec.js';

describe('cp file specs', () => {
  it.each([
    ['namespace/pod:/some/file', { pod: 'pod', namespace: 'namespace', file: '/some/file' }],
    ['pod:/some/file', { pod: 'pod', namespace: '', file: '/some/file' }],
    ['/some/file', { pod: '', namespace: '', file: '/some/file' }],
    ['pod:/some/filenamewith:in', { pod: 'pod', namespace: '', file: '/some/filenamewith:in' }],
  ])('%s', (arg, spec) => expect(extractFileSpec(arg)).toEqual({ ok: true, spec }));

  it.each([':file:not:exist:in:local:filesystem', 'namespace/pod/invalid:/some/file'])('%s is refused', (arg) => expect(extractFileSpec(arg).ok).toBe(false));
});

describe('remote path shortcuts', () => {
  it.each([
    ['../foo/bar', 'foo/bar'],
    ['..\\foo\\bar', 'foo/bar'],
    ['../../foo/bar', 'foo/bar'],
    ['..\\..\\foo\\bar', 'foo/bar'],
    ['/tmp/one/two/../../foo/bar', 'tmp/foo/bar'],
    ['\\tmp\\one\\two\\..\\..\\foo\\bar', 'tmp/foo/bar'],
    ['../../', ''],
    ['..\\..\\', ''],
    ['../..', ''],
    ['..\\..', ''],
    ['/tmp/one/two/../../foo/..bar', 'tmp/foo/..bar'],
    ['../...foo', '...foo'],
    ['..\\...foo', '...foo'],
    ['...foo', '...foo'],
    ['/', ''],
    ['\\', ''],
  ])('%s -> %s', (input, expected) => expect(stripPathShortcuts(clean(remotePath(input)))).toBe(expected));
});

describe('destination containment', () => {
  it.each([
    ['/dir', '/dir/../link', false],
    ['/dir', '/dir/../../link', false],
    ['/dir', '/link', false],
    ['/dir', '/dir/link', true],
    ['/dir', '/dir/int/../link', true],
    ['dir', 'dir/link', true],
    ['dir', 'dir/int/../link', true],
    ['dir', 'dir/../../link', false],
  ])('%s holds %s: %s', (base, dest, relative) => expect(isRelative(base, dest)).toBe(relative));
});
