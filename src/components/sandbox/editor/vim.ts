/**
 * Vi key bindings (monaco-vim) for a file opened by `vi`/`vim` in the terminal, with the ex
 * commands a reader types to leave: :w, :wq, :x, :q, :q!.
 */
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api.js';
import { initVimMode, VimMode } from 'monaco-vim';

export interface VimActions {
  write(): Promise<void>;
  /** Returns an error message when quitting is refused (unsaved changes without !). */
  quit(force: boolean): string | undefined;
  writeQuit(): Promise<void>;
}

export interface VimSession {
  dispose(): void;
}

interface ExParams {
  argString?: string;
}

interface VimModeStatic {
  Vim: { defineEx(name: string, prefix: string, fn: (cm: { openNotification?(html: string): void }, params: ExParams) => void): void };
}

let active: VimActions | undefined;
let defined = false;

function defineExCommands(): void {
  if (defined) return;
  defined = true;
  const vim = (VimMode as unknown as VimModeStatic).Vim;
  vim.defineEx('write', 'w', () => void active?.write());
  vim.defineEx('wq', 'wq', () => void active?.writeQuit());
  vim.defineEx('xit', 'x', () => void active?.writeQuit());
  vim.defineEx('quit', 'q', (cm, params) => {
    const refused = active?.quit((params.argString ?? '').trim() === '!');
    if (refused) cm.openNotification?.(`<span style="color: var(--sl-color-red-high, red)">${refused}</span>`);
  });
}

export function attachVim(editor: MonacoEditor.IStandaloneCodeEditor, status: HTMLElement, actions: VimActions): VimSession {
  defineExCommands();
  active = actions;
  status.hidden = false;
  const mode = initVimMode(editor, status);
  return {
    dispose() {
      mode.dispose();
      if (active === actions) active = undefined;
      status.replaceChildren();
      status.hidden = true;
    },
  };
}
