/**
 * A started sandbox: the worker (through its supervisor), the terminal, the editor (loaded on
 * first use or when idle), the cluster view, time controls, persistence and the hands-on check.
 * Loaded lazily by sandbox-loader.ts.
 */
import * as Comlink from 'comlink';
import type { ClusterSnapshot, EditorRequest, SavedState } from 'podsim';
import { KEYS, locateFragment, RUN_MAX_VIRTUAL_MS } from '../../markdown/code-steps.ts';
import { parseCondition, waitFor, waitNote } from '../../markdown/wait-condition.ts';
import { clearState, saveState, throttle } from '../../persistence/saved-state.ts';
import type { PageAction, SandboxApp } from './app-types.ts';
import { renderClusterView } from './cluster-view.ts';
import { updateCountdowns } from './container-timeline.ts';
import type { SandboxEditor } from './editor/editor.ts';
import editorChunk from './editor/editor.ts?chunk-url';
import { askChoice } from './choice-dialog.ts';
import { wireDrawerResize } from './drawer-resize.ts';
import { HandsOnCheck } from './hands-on-check.ts';
import { TabOwnership } from './tab-ownership.ts';
import { createTerminal } from './terminal.ts';
import { TimeControls } from './time-controls.ts';
import { SandboxSupervisor, type RemoteSandbox } from './worker-client.ts';


interface SandboxRoot extends HTMLElement {
  page: string;
  selectTab(name: string): void;
  setOpen(open: boolean): void;
}

/** The files a page's YAML blocks name (first whole block wins): the sandbox's initial files. */
function pageFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  document.querySelectorAll<HTMLElement>('[data-rc-block=yaml][data-rc-file]:not([data-rc-fragment])').forEach((fig) => {
    const name = fig.dataset.rcFile!;
    const text = fig.querySelector('pre')?.textContent ?? '';
    if (!(name in files)) files[name] = text.endsWith('\n') ? text : text + '\n';
  });
  return files;
}

/** Every whole-file block of the page for `file`: what the page itself may have put in the sandbox. */
function pageVersions(file: string): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-rc-block=yaml][data-rc-file]:not([data-rc-fragment])')]
    .filter((fig) => fig.dataset.rcFile === file)
    .map((fig) => {
      const text = fig.querySelector('pre')?.textContent ?? '';
      return text.endsWith('\n') ? text : text + '\n';
    });
}

/** What the loader started before this chunk arrived: the worker, and the read of the saved state. */
export interface EarlyStart {
  worker: Worker;
  saved: Promise<SavedState | undefined>;
}

/** Fetches (and lets the browser compile) a module without running it, behind more urgent requests. */
function preloadModule(href: string): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  link.fetchPriority = 'low';
  document.head.append(link);
}

export async function startSandbox(root: SandboxRoot, early: EarlyStart): Promise<SandboxApp> {
  const page = root.page;
  const files = pageFiles();
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  let sup: SandboxSupervisor | undefined;
  const api = (): RemoteSandbox => sup!.api;
  // Keystrokes and resizes before the worker is up have nowhere to go; attach() sends the size.
  const live = () => (sup?.started ? sup.api : undefined);

  const announcer = q('[data-sbx-announce]');
  const clusterEl = q('[data-sbx-cluster]');
  const term = createTerminal(q('[data-sbx-terminal]'), {
    onData: (d) => void live()?.write(d),
    onResize: (cols, rows) => void live()?.resize(cols, rows),
    announce: (text) => (announcer.textContent = text),
  });
  wireDrawerResize(q('[data-sbx-resize]'));
  const time = new TimeControls(root, api, (now) => updateCountdowns(clusterEl, now));
  let check = new HandsOnCheck(page);
  const notice = q('[data-sbx-notice]');
  // Taking over saves this tab's sandbox at once (when it is running).
  const ownership = new TabOwnership(page, notice, () => void (sup?.started && saveSoon()));
  let lastState: SavedState | undefined = await early.saved;
  let firstAttach = true;
  let runQueue: Promise<unknown> = Promise.resolve();

  const saveNow = () => {
    void api()
      .exportState()
      .then((s) => {
        lastState = s;
        // Only the tab that owns the page's saved sandbox writes it.
        return ownership.owns ? saveState(page, s) : undefined;
      })
      .catch(() => undefined);
  };
  const saveSoon = throttle(saveNow, 1000);
  let shown: ClusterSnapshot | undefined;
  const showSnapshot = (snap: ClusterSnapshot) => {
    shown = snap;
    renderClusterView(clusterEl, snap);
    time.showClock(snap.now);
    check.update(snap);
  };
  const refresh = throttle(() => void api().snapshot().then(showSnapshot, () => undefined), 250);

  const sandboxYamlFiles = async () => {
    const found: Record<string, string> = {};
    for (const f of (await api().listFiles()).filter((p) => /\.ya?ml$/.test(p))) found[f] = (await api().readFile(f)) ?? '';
    return found;
  };

  let editor: Promise<SandboxEditor> | undefined;
  const loadEditor = (): Promise<SandboxEditor> => {
    editor ??= import('./editor/editor.ts').then(async ({ SandboxEditor }) => {
      const ed = await SandboxEditor.create(
        {
          host: q('[data-sbx-monaco]'),
          tabs: q('[data-sbx-files]'),
          vimStatus: q('[data-sbx-vim]'),
          buttons: {
            save: q('[data-editor-action=save]'),
            apply: q('[data-editor-action=apply]'),
            done: q('[data-editor-action=done]'),
            cancel: q('[data-editor-action=cancel]'),
          },
        },
        {
          save: async (path, content) => {
            await api().writeFile(path, content);
            saveSoon();
          },
          apply: (path) => runLine(`kubectl apply -f ${path}`),
          closed: (path, saved) => {
            void api().editorClosed(path, saved);
            if (root.dataset.tab === 'editor') root.selectTab('terminal');
            term.focus();
          },
        },
      );
      ed.setFiles(await sandboxYamlFiles());
      root.dataset.editor = 'ready';
      return ed;
    });
    return editor;
  };

  const openFromTerminal = async (req: EditorRequest) => {
    // A reader who reloads now must find this editor again: the command that opened it is saved at once.
    if (sup?.started) saveNow();
    root.setOpen(true);
    root.selectTab('editor');
    (await loadEditor()).open(req.path, req.content, { mode: req.mode });
  };

  /** Runs page steps one after the other, in the order they were clicked. */
  const inTurn = (task: () => Promise<unknown>): Promise<void> => {
    const next = runQueue.then(task);
    runQueue = next.catch(() => undefined);
    return next.then(() => saveSoon());
  };
  const runLine = (line: string): Promise<void> => inTurn(() => api().run(line, { maxVirtualMs: RUN_MAX_VIRTUAL_MS }));

  // A step's declared wait, in turn with the steps around it: cluster time runs until what the
  // step shows has happened, and the terminal says how much was skipped.
  const waitFirst = async (until: string | undefined) => {
    if (!until) return;
    const cond = parseCondition(until);
    const note = waitNote(cond, await waitFor(api(), cond));
    if (note) await api().run(note, { maxVirtualMs: 0 });
  };

  const fail = (err: unknown) => {
    term.write(`\r\n\x1b[31mThe simulator could not start: ${err instanceof Error ? err.message : String(err)}\x1b[0m\r\n`);
    return err;
  };

  sup = new SandboxSupervisor(
    { files, cols: 80, rows: 24 },
    {
      attach: async (remote) => {
        // The shell's first prompt (or a restored page's screen) was printed before anyone listened.
        if (firstAttach) term.write((await remote.exportState()).scrollback);
        firstAttach = false;
        await remote.onOutput(
          Comlink.proxy((data: string) => {
            term.write(data);
            saveSoon();
          }),
        );
        await remote.onOpenEditor(Comlink.proxy((req: EditorRequest) => void openFromTerminal(req)));
        // A reload while vi or kubectl edit was open: the shell still waits for that editor.
        for (const req of await remote.pendingEditors()) void openFromTerminal(req);
        await remote.onChange(
          Comlink.proxy(() => {
            refresh();
            saveSoon();
          }),
        );
        const { cols, rows } = term.size();
        await remote.resize(cols, rows);
        await time.syncFromSandbox();
        refresh();
      },
      lastState: () => lastState,
      recovered: () => term.write('\r\n\x1b[33m[The simulator stopped and was restarted; your cluster was restored from the last saved state.]\x1b[0m\r\n'),
    },
  );
  await ownership.claim();
  try {
    await sup.start(lastState, early.worker);
  } catch (err) {
    // A saved state this version cannot rebuild is dropped rather than leaving the page stuck.
    if (!lastState) throw fail(err);
    await clearState(page);
    lastState = undefined;
    firstAttach = true;
    await sup.start(undefined).catch((e: unknown) => Promise.reject(fail(e)));
  }
  time.start();
  // A steady state changes nothing in the cluster, yet a check waits for it to last: look again each second.
  setInterval(refresh, 1000);
  root.dataset.terminal = 'ready';
  term.focus();
  // Monaco is by far the largest chunk: fetched and compiled once the terminal is up (not to slow
  // its start on a two-core machine), run when the page is idle or the editor is opened.
  preloadModule(editorChunk);

  root.addEventListener('sbx-tab', (e) => {
    if ((e as CustomEvent<string>).detail === 'editor') void loadEditor().then((ed) => ed.layout());
  });
  if ('requestIdleCallback' in window) requestIdleCallback(() => void loadEditor(), { timeout: 3000 });

  q('[data-sbx-action=screen-reader]').addEventListener('click', (e) => {
    const btn = e.currentTarget as HTMLButtonElement;
    const on = btn.getAttribute('aria-pressed') !== 'true';
    btn.setAttribute('aria-pressed', String(on));
    term.setScreenReaderMode(on);
  });
  // Reset asks first, and the state before it can be brought back once.
  const goalKey = `podlab:goal:${page}`;
  let beforeReset: { state: SavedState; goal: string | null } | undefined;
  const restart = async (state: SavedState | undefined) => {
    term.clear();
    firstAttach = true;
    lastState = state;
    await sup!.start(state);
    if (editor) (await editor).setFiles(await sandboxYamlFiles());
    if (state && ownership.owns) await saveState(page, state);
    term.focus();
  };
  const offerUndo = () => {
    const text = document.createElement('span');
    text.textContent = 'The sandbox was reset.';
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'sbx-btn';
    undo.textContent = 'Undo reset';
    undo.addEventListener('click', () => void undoReset());
    notice.replaceChildren(text, undo);
    notice.hidden = false;
  };
  const undoReset = async () => {
    const before = beforeReset;
    beforeReset = undefined;
    notice.replaceChildren();
    notice.hidden = true;
    if (!before) return;
    if (before.goal !== null) localStorage.setItem(goalKey, before.goal);
    check = new HandsOnCheck(page);
    await restart(before.state);
  };
  const reset = async () => {
    const sure = await askChoice(
      root,
      'Reset the sandbox?',
      'This deletes the cluster, your files and the terminal history in this sandbox, and clears this page’s hands-on check. You can undo it once.',
      [{ value: 'reset', label: 'Reset', primary: true }],
    );
    if (!sure) return;
    beforeReset = { state: await api().exportState(), goal: localStorage.getItem(goalKey) };
    await clearState(page);
    check.reset();
    await restart(undefined);
    offerUndo();
  };
  q('[data-sbx-action=reset]').addEventListener('click', () => void reset());

  const openFile = async (file: string, content: string) => {
    const ed = await loadEditor();
    let text = await api().readFile(file);
    if (text === undefined) {
      await api().writeFile(file, content);
      text = content;
    }
    root.selectTab('editor');
    return { ed, text };
  };

  /**
   * The file a page's Apply applies: the page's block, unless the reader changed the file (saved or
   * still in the editor) into something the page never wrote; then the reader chooses.
   */
  const applyContent = async (file: string, block: string): Promise<string | undefined> => {
    const saved = await api().readFile(file);
    const typed = editor && (await editor).contentOf(file);
    const page = pageVersions(file);
    // The editor's text first (it may hold unsaved typing), then the file (changed from the terminal).
    const mine = [typed, saved].find((t): t is string => t !== undefined && t !== block && !page.includes(t));
    let content = block;
    if (mine !== undefined) {
      const pick = await askChoice(
        root,
        `Your ${file} differs from this page’s`,
        `You changed ${file} in the sandbox. Apply your version, or replace it with the one on this page?`,
        [
          { value: 'mine', label: 'Keep mine and apply it', primary: true },
          { value: 'page', label: 'Use the page’s version' },
        ],
      );
      if (!pick) return undefined;
      if (pick === 'mine') content = mine;
    }
    if (content !== saved) await api().writeFile(file, content);
    return content;
  };

  return {
    async perform(action: PageAction) {
      switch (action.kind) {
        case 'run':
          return inTurn(async () => {
            await waitFirst(action.until);
            await api().run(action.line, { maxVirtualMs: RUN_MAX_VIRTUAL_MS });
          });
        case 'key':
          // A key goes at once (Ctrl+C interrupts what runs), unless its step waits first.
          if (action.until) return inTurn(async () => {
            await waitFirst(action.until);
            await api().write(KEYS[action.label] ?? '');
          });
          await api().write(KEYS[action.label] ?? '');
          return;
        case 'open': {
          const { ed, text } = await openFile(action.file, action.content);
          ed.open(action.file, ed.contentOf(action.file) ?? text);
          return;
        }
        case 'fragment': {
          const { ed, text } = await openFile(action.file, files[action.file] ?? '');
          const current = ed.contentOf(action.file) ?? text;
          ed.open(action.file, current, { highlight: locateFragment(current, action.content) });
          return;
        }
        case 'apply': {
          const content = await applyContent(action.file, action.content);
          if (content === undefined) return;
          if (editor) (await editor).open(action.file, content);
          return runLine(`kubectl apply -f ${action.file}`);
        }
      }
    },
    killWorker: () => sup!.kill(),
    terminalText: () => term.text(),
    snapshot: () => shown,
  };
}
