/**
 * vi, vim, nano, code: the reader's editors are the page's Monaco editor. The command asks the UI
 * to open the file and returns when the reader closes it, as a terminal editor would.
 */
import type { Program } from '../../kernel/process.js';
import { resolvePath } from '../../kernel/fs.js';
import { wait } from '../../kernel/waitable.js';
import type { EditorMode, HostContext } from '../../kubectl/context.js';

export function editor(mode: EditorMode): Program {
  return function* (proc) {
    const host = proc.ctx as HostContext;
    const files = proc.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
    if (files.length === 0) {
      proc.stderr.write(`${proc.argv[0]}: a file name is needed here (try: ${proc.argv[0]} pod.yaml)\n`);
      return 1;
    }
    for (const f of files) yield* wait(host.openEditor(resolvePath(proc.cwd, f), mode));
    return 0;
  };
}
