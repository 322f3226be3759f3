/** Applies redirections to a command's streams: files on the machine, here-docs, fd duplication. */
import { FsError } from '../kernel/fs.js';
import { emptyInput, nullOutput, type OutputStream } from '../kernel/streams.js';
import type { Task } from '../kernel/waitable.js';
import type { Redir } from './ast.js';
import { expandString, type ExpandContext } from './expand.js';
import { stringInput, type Io } from './io.js';
import type { Shell } from './shell.js';

export class RedirectError extends Error {}

/** Appends every write to a file, so readers (tail, cat) see output as it is produced. */
function fileOutput(sh: Shell, path: string, append: boolean): OutputStream {
  if (path === '/dev/null') return nullOutput;
  if (path === '/dev/stdout') return sh.io.stdout;
  if (path === '/dev/stderr') return sh.io.stderr;
  const abs = sh.resolvePath(path);
  const fs = sh.fs;
  fs.writeFile(abs, '', { append });
  return {
    write(data: string) {
      try {
        fs.writeFile(abs, data, { append: true });
      } catch {
        /* the file went away (volume unmounted): data is lost, as with a deleted inode */
      }
    },
  };
}

export function* applyRedirs(sh: Shell, ctx: ExpandContext, redirs: Redir[], io: Io): Task<Io> {
  const out: Io = { ...io };
  for (const r of redirs) {
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    if (r.heredoc) {
      const text = r.heredoc.expand ? yield* expandString(ctx, r.heredoc.body) : r.heredoc.body.parts.map((p) => (p.type === 'lit' ? p.text : '')).join('');
      if (fd === 0) out.stdin = stringInput(text);
      continue;
    }
    const target = yield* expandString(ctx, r.target);
    try {
      switch (r.op) {
        case '>':
        case '>|':
        case '>>':
          setOut(out, fd, fileOutput(sh, target, r.op === '>>'));
          break;
        case '&>':
        case '&>>': {
          const s = fileOutput(sh, target, r.op === '&>>');
          out.stdout = s;
          out.stderr = s;
          break;
        }
        case '<<<':
          out.stdin = stringInput(target + '\n');
          break;
        case '<':
        case '<>':
          if (target === '/dev/null') out.stdin = emptyInput;
          else out.stdin = stringInput(sh.fs.readFile(sh.resolvePath(target)));
          break;
        case '>&':
        case '<&': {
          if (target === '-') {
            setOut(out, fd, nullOutput);
            break;
          }
          if (!/^\d+$/.test(target)) {
            if (r.op === '>&' && r.fd === undefined) {
              const s = fileOutput(sh, target, false);
              out.stdout = s;
              out.stderr = s;
              break;
            }
            throw new RedirectError(`${target}: ambiguous redirect`);
          }
          const src = Number(target);
          if (fd === 0) break;
          const stream = src === 1 ? out.stdout : src === 2 ? out.stderr : undefined;
          if (!stream) throw new RedirectError(`${src}: Bad file descriptor`);
          setOut(out, fd, stream);
          break;
        }
      }
    } catch (e) {
      if (e instanceof FsError) throw new RedirectError(sh.flavour.openFailed(target, e.text, r.op !== '<'));
      throw e;
    }
  }
  return out;
}

function setOut(io: Io, fd: number, s: OutputStream): void {
  if (fd === 1) io.stdout = s;
  else if (fd === 2) io.stderr = s;
}
