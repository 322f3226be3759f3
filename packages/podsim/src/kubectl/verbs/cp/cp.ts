/**
 * `kubectl cp SRC DEST` between the reader's machine and a container, the way kubectl 1.32 does it:
 * tar over exec. From a pod it runs `tar cf - PATH` there (that tar's warnings reach kubectl's stdout)
 * and unpacks the stream locally; to a pod it asks `test -d DEST`, packs the local file or tree and
 * feeds it to `tar -xmf - -C DIR`. A container without tar fails as exec of a missing binary does.
 * Models kubectl pkg/cmd/cp/cp.go.
 */
import { decodeTar, encodeTar } from '../../../format/tar.js';
import { resolvePath } from '../../../kernel/fs.js';
import type { OutputStream } from '../../../kernel/streams.js';
import type { Command, Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import { CONTAINER_FLAG } from '../exec/exec.js';
import { base, clean, dir, extractFileSpec, join, stripPathShortcuts, type FileSpec } from './filespec.js';
import { makeTarEntries, untarAll } from './local-tar.js';
import { exitText, runInPod } from './remote.js';

const discard: OutputStream = { write: () => undefined };

interface CopyOptions {
  container: string;
  noPreserve: boolean;
  retries: number;
}

function* copyFromPod(inv: Invocation, o: CopyOptions, src: FileSpec, dest: FileSpec) {
  // kubectl stops reading once the archive's end blocks arrive and exits: what tar says after that is lost.
  const archive = { text: '', ended: false };
  const tarOut: OutputStream = {
    write(d) {
      archive.text += d;
      archive.ended ||= decodeTar(archive.text).ended;
    },
  };
  const stdout: OutputStream = { write: (d) => archive.ended || inv.out(d) };
  // With --retries kubectl asks for the stream through `tail -c+N` so that it could resume.
  const argv = o.retries !== 0 ? ['sh', '-c', `tar cf - ${src.file} | tail -c+0`] : ['tar', 'cf', '-', src.file];
  const r = yield* runInPod(inv, { namespace: src.namespace || inv.namespace, pod: src.pod, container: o.container, argv, stdout: tarOut, stderr: stdout });
  if (!r.ok) {
    inv.err(r.error);
    return 1;
  }
  const tar = decodeTar(archive.text);
  const prefix = stripPathShortcuts(clean(src.file.replace(/^[/\\]+/, '')));
  try {
    untarAll({ fs: inv.host.fs, cwd: inv.proc.cwd, prefix, dest: dest.file, namespace: src.namespace, pod: src.pod, src: src.file, warn: (t) => inv.err(t) }, tar.entries);
  } catch (e) {
    inv.err(plainError(e instanceof Error ? e.message : String(e)));
    return 1;
  }
  // Only a stream that stops short of its end blocks meets tar's exit status.
  if (tar.ended) return 0;
  if (r.code !== 0) {
    inv.err(exitText(r.code));
    return r.code;
  }
  if (tar.error === 'truncated') {
    inv.err(plainError('unexpected EOF'));
    return 1;
  }
  if (tar.error === 'not-tar' && archive.text !== '') {
    inv.err(plainError('archive/tar: invalid tar header'));
    return 1;
  }
  return 0;
}

function* copyToPod(inv: Invocation, o: CopyOptions, src: FileSpec, dest: FileSpec) {
  const fs = inv.host.fs;
  if (!fs.exists(resolvePath(inv.proc.cwd, src.file))) {
    inv.err(plainError(`${src.file} doesn't exist in local filesystem`));
    return 1;
  }
  const namespace = dest.namespace || inv.namespace;
  const target = { namespace, pod: dest.pod, container: o.container };
  const isDir = yield* runInPod(inv, { ...target, argv: ['test', '-d', dest.file], stdout: discard, stderr: discard });
  const destFile = isDir.ok && isDir.code === 0 ? join(dest.file, base(src.file)) : dest.file;
  const entries = makeTarEntries(fs, inv.proc.cwd, clean(src.file), base(clean(destFile)));
  const argv = o.noPreserve ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  argv.push('-C', dir(destFile));
  const r = yield* runInPod(inv, { ...target, argv, input: encodeTar(entries), stdout: { write: (d) => inv.out(d) }, stderr: { write: (d) => inv.err(d) } });
  if (!r.ok) {
    inv.err(r.error);
    return 1;
  }
  if (r.code !== 0) inv.err(exitText(r.code));
  return r.code;
}

function* run(inv: Invocation) {
  if (inv.args.length !== 2) {
    inv.err(plainError('source and destination are required'));
    return 1;
  }
  const specs = inv.args.map(extractFileSpec);
  for (const s of specs) {
    if (!s.ok) {
      inv.err(plainError(s.error));
      return 1;
    }
  }
  const [src, dest] = specs.map((s) => (s.ok ? s.spec : undefined)) as [FileSpec, FileSpec];
  const o: CopyOptions = { container: inv.flags.str('container'), noPreserve: inv.flags.bool('no-preserve'), retries: inv.flags.int('retries') };
  const fail = (message: string) => {
    inv.err(plainError(message));
    return 1;
  };
  if (src.pod && dest.pod) return fail('one of src or dest must be a local file specification');
  if (!src.file || !dest.file) return fail('filepath can not be empty');
  if (src.pod) return yield* copyFromPod(inv, o, src, dest);
  if (dest.pod) return yield* copyToPod(inv, o, src, dest);
  return fail('one of src or dest must be a remote file specification');
}

export const cp: Command = {
  name: 'cp',
  completes: 'pods',
  short: 'Copy files and directories to and from containers',
  usage: 'cp <file-spec-src> <file-spec-dest> [options]',
  examples: [
    '# The container image needs a tar binary: kubectl cp runs tar inside it.',
    '',
    '# Copy a local file into a pod',
    'kubectl cp notes.txt web:/tmp/notes.txt',
    '',
    '# Copy a directory out of a pod in namespace dev, into ./logs',
    'kubectl cp dev/web:/var/log/nginx ./logs',
    '',
    '# Copy into a given container, without keeping local owners and modes',
    'kubectl cp site web:/usr/share/nginx/html -c nginx --no-preserve',
  ].join('\n'),
  flags: [
    CONTAINER_FLAG,
    { name: 'no-preserve', type: 'bool', default: false, help: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: 'retries', type: 'int', default: 0, help: 'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).' },
  ],
  run,
};
