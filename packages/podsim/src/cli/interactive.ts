/**
 * `podsim` alone: the sandbox's terminal in the real one. Raw-mode keystrokes in, bytes out, and a
 * pacing loop that moves virtual time at 1× wall time (the only wall-clock use in podsim, as a host).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Sandbox } from '../host/sandbox.js';
import type { EditorRequest } from '../host/sandbox-types.js';

export function runInteractive(opts: { files: Record<string, string>; seed?: number }): Promise<number> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const stdout = process.stdout;
    let timer: NodeJS.Timeout | undefined;
    const finish = (status: number) => {
      if (timer) clearInterval(timer);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      resolve(status);
    };
    const sb = new Sandbox(
      { files: opts.files, seed: opts.seed, cols: stdout.columns ?? 80, rows: stdout.rows ?? 24 },
      { respawn: false, onShellExit: finish },
    );
    sb.onOutput((d) => stdout.write(d));
    sb.onOpenEditor((req) => editWithRealEditor(sb, req));
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (d: string) => sb.write(d));
    stdout.on('resize', () => sb.resize(stdout.columns, stdout.rows));
    let last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      sb.tick(now - last);
      last = now;
    }, 20);
  });
}

/** Opens the sandbox file in $EDITOR (or vi) on a temporary copy, then hands the result back. */
function editWithRealEditor(sb: Sandbox, req: EditorRequest): void {
  setImmediate(() => {
    const dir = mkdtempSync(join(tmpdir(), 'podsim-'));
    const file = join(dir, basename(req.path));
    writeFileSync(file, req.content);
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    const r = spawnSync(editor, [file], { stdio: 'inherit' });
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    const content = r.status === 0 ? readFileSync(file, 'utf8') : req.content;
    const saved = content !== req.content;
    if (saved) sb.writeFile(req.path, content);
    sb.editorClosed(req.path, saved);
  });
}
