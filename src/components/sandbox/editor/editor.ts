/**
 * The sandbox editor: Monaco with monaco-yaml (Kubernetes schema), one tab per sandbox file.
 * Ctrl/Cmd+S saves into the sandbox; a file opened from the terminal (vi, nano, code, kubectl edit)
 * is an editing session that ends with a save-and-close or a close (vi: :w, :wq, :x, :q, :q!).
 */
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor/editor.api.js';
import type { EditorMode } from 'podsim';
import { loadMonaco, type Monaco } from './monaco.ts';
import { attachVim, type VimSession } from './vim.ts';

export interface EditorCallbacks {
  save(path: string, content: string): Promise<void>;
  apply(path: string): Promise<void>;
  /** An editing session opened by the terminal ended. */
  closed(path: string, saved: boolean): void;
}

export interface EditorElements {
  host: HTMLElement;
  tabs: HTMLElement;
  vimStatus: HTMLElement;
  buttons: { save: HTMLButtonElement; apply: HTMLButtonElement; done: HTMLButtonElement; cancel: HTMLButtonElement };
}

interface Session {
  path: string;
  mode: EditorMode;
  vim?: VimSession;
}

const WORKDIR = 'file:///home/learner/';

export class SandboxEditor {
  private readonly models = new Map<string, { model: MonacoEditor.ITextModel; savedVersion: number }>();
  private current?: string;
  private session?: Session;
  private decorations?: MonacoEditor.IEditorDecorationsCollection;
  private readonly disposables: IDisposable[] = [];

  private constructor(
    private readonly monaco: Monaco,
    private readonly editor: MonacoEditor.IStandaloneCodeEditor,
    private readonly el: EditorElements,
    private readonly callbacks: EditorCallbacks,
  ) {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void this.save());
    el.buttons.save.addEventListener('click', () => void this.save());
    el.buttons.apply.addEventListener('click', () => void this.apply());
    el.buttons.done.addEventListener('click', () => void this.endSession(true));
    el.buttons.cancel.addEventListener('click', () => void this.endSession(false));
  }

  static async create(el: EditorElements, callbacks: EditorCallbacks): Promise<SandboxEditor> {
    const monaco = await loadMonaco();
    el.host.replaceChildren();
    const editor = monaco.editor.create(el.host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      ariaLabel: 'YAML editor',
      theme: themeName(),
      model: null,
    });
    new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return new SandboxEditor(monaco, editor, el, callbacks);
  }

  /** Replaces every tab with these files (start and reset of the page). */
  setFiles(files: Record<string, string>): void {
    this.session?.vim?.dispose();
    this.session = undefined;
    for (const { model } of this.models.values()) model.dispose();
    this.models.clear();
    this.current = undefined;
    for (const [path, content] of Object.entries(files)) this.modelFor(path, content);
    const first = Object.keys(files)[0];
    if (first) this.show(first);
    else this.renderTabs();
  }

  /** Opens a file in a tab; `content` replaces the tab's text when given. */
  open(path: string, content?: string, opts: { highlight?: { startLine: number; endLine: number }; mode?: EditorMode } = {}): void {
    const entry = this.modelFor(path, content ?? '');
    if (content !== undefined && entry.model.getValue() !== content) {
      entry.model.setValue(content);
      entry.savedVersion = entry.model.getAlternativeVersionId();
    }
    this.show(path);
    this.decorations?.clear();
    if (opts.highlight) {
      const { startLine, endLine } = opts.highlight;
      this.decorations = this.editor.createDecorationsCollection([
        { range: new this.monaco.Range(startLine, 1, endLine, 1), options: { isWholeLine: true, className: 'sbx-fragment-line', linesDecorationsClassName: 'sbx-fragment-gutter' } },
      ]);
      this.editor.revealLinesInCenter(startLine, endLine);
      this.editor.setPosition({ lineNumber: startLine, column: 1 });
    }
    if (opts.mode) this.beginSession(path, opts.mode);
    this.editor.focus();
  }

  contentOf(path: string): string | undefined {
    return this.models.get(path)?.model.getValue();
  }

  get currentPath(): string | undefined {
    return this.current;
  }

  layout(): void {
    this.editor.layout();
  }

  async save(): Promise<void> {
    const path = this.current;
    const entry = path ? this.models.get(path) : undefined;
    if (!path || !entry) return;
    // Like vi and nano, a saved file ends with a newline.
    const text = entry.model.getValue();
    await this.callbacks.save(path, text === '' || text.endsWith('\n') ? text : text + '\n');
    entry.savedVersion = entry.model.getAlternativeVersionId();
    this.renderTabs();
  }

  private async apply(): Promise<void> {
    if (!this.current) return;
    await this.save();
    await this.callbacks.apply(this.current);
  }

  private beginSession(path: string, mode: EditorMode): void {
    this.session?.vim?.dispose();
    this.session = { path, mode };
    if (mode === 'vi') {
      this.session.vim = attachVim(this.editor, this.el.vimStatus, {
        write: () => this.save(),
        quit: (force) => this.quitFromVim(force),
        writeQuit: () => this.endSession(true),
      });
    }
    this.el.buttons.done.hidden = false;
    this.el.buttons.cancel.hidden = false;
  }

  private quitFromVim(force: boolean): string | undefined {
    const entry = this.session && this.models.get(this.session.path);
    if (!force && entry && entry.model.getAlternativeVersionId() !== entry.savedVersion) {
      return 'E37: No write since last change (add ! to override)';
    }
    void this.endSession(false);
    return undefined;
  }

  private async endSession(save: boolean): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    if (save && this.current === session.path) await this.save();
    session.vim?.dispose();
    this.el.buttons.done.hidden = true;
    this.el.buttons.cancel.hidden = true;
    this.callbacks.closed(session.path, save);
    this.el.host.dispatchEvent(new CustomEvent('sbx-editor-closed', { bubbles: true }));
  }

  private modelFor(path: string, content: string): { model: MonacoEditor.ITextModel; savedVersion: number } {
    let entry = this.models.get(path);
    if (!entry) {
      const uri = this.monaco.Uri.parse(path.startsWith('/') ? `file://${path}` : WORKDIR + path);
      const model = this.monaco.editor.getModel(uri) ?? this.monaco.editor.createModel(content, 'yaml', uri);
      entry = { model, savedVersion: model.getAlternativeVersionId() };
      this.models.set(path, entry);
      this.disposables.push(model.onDidChangeContent(() => this.renderTabs()));
    }
    return entry;
  }

  private show(path: string): void {
    const entry = this.models.get(path);
    if (!entry) return;
    this.current = path;
    this.editor.setModel(entry.model);
    this.renderTabs();
  }

  private renderTabs(): void {
    const tabs = [...this.models.entries()].map(([path, { model, savedVersion }]) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.role = 'tab';
      tab.className = 'sbx-file';
      tab.dataset.file = path;
      const selected = path === this.current;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const dirty = model.getAlternativeVersionId() !== savedVersion;
      tab.textContent = path.split('/').pop()! + (dirty ? ' •' : '');
      if (dirty) tab.title = 'Unsaved changes';
      tab.addEventListener('click', () => this.show(path));
      return tab;
    });
    this.el.tabs.replaceChildren(...tabs);
  }
}

function themeName(): string {
  return document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark';
}
