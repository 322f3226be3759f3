/**
 * The sandbox terminal: xterm.js sized to its box and themed with the site. A plain byte stream:
 * what the reader types goes to `onData`, what the sandbox prints comes in through `write`.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import { injectStyle } from './inject-style.ts';

export interface SandboxTerminal {
  write(data: string): void;
  clear(): void;
  focus(): void;
  setScreenReaderMode(on: boolean): void;
  size(): { cols: number; rows: number };
  /** Text currently in the buffer (for tests and the bench). */
  text(): string;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function siteTheme(): ITheme {
  const dark = document.documentElement.dataset.theme !== 'light';
  return {
    background: cssVar('--sl-color-black') || (dark ? '#17181c' : '#ffffff'),
    foreground: cssVar('--sl-color-white') || (dark ? '#ffffff' : '#17181c'),
    cursor: cssVar('--sl-color-accent-high') || (dark ? '#d5dcf8' : '#2a3f9b'),
    selectionBackground: dark ? '#3b4a7a' : '#bcd0ff',
    // Darker ANSI colours on a light background keep kubectl's output readable.
    ...(dark ? {} : { yellow: '#8a6100', green: '#1d7a33', cyan: '#0b6e83', brightBlack: '#5c5f66' }),
  };
}

/** Escape then Tab (within this long) leaves the terminal, as a terminal must let keyboard users out (WCAG 2.1.2). */
const ESCAPE_WINDOW_MS = 1500;

/** The next (or previous) focusable element of the page after `from`. */
function focusNeighbour(from: Element, back: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && el.offsetParent !== null && !el.closest('.xterm') && !el.closest('[inert]'),
  );
  const after = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const before = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  (back ? before[before.length - 1] : after[0])?.focus();
}

export function createTerminal(
  box: HTMLElement,
  handlers: { onData(data: string): void; onResize(cols: number, rows: number): void; announce(text: string): void },
): SandboxTerminal {
  injectStyle('xterm', xtermCss);
  box.replaceChildren();
  const term = new Terminal({
    convertEol: false,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: siteTheme(),
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.loadAddon(new WebLinksAddon());
  term.open(box);
  const help = box.parentElement?.querySelector('[data-sbx-term-help]');
  if (help?.id) term.textarea?.setAttribute('aria-describedby', help.id);
  term.onData(handlers.onData);
  term.onResize(({ cols, rows }) => {
    box.dataset.cols = String(cols);
    handlers.onResize(cols, rows);
  });

  // Escape is held back for a moment: Tab next moves focus out (Shift+Tab backwards); any other key
  // sends the Escape first, so Meta-prefixed keys still reach the shell in order.
  let escapeAt: number | undefined;
  let escapeTimer: ReturnType<typeof setTimeout> | undefined;
  const flushEscape = () => {
    clearTimeout(escapeTimer);
    if (escapeAt !== undefined) handlers.onData('\x1b');
    escapeAt = undefined;
  };
  // Ctrl+Shift+C / Ctrl+Shift+V, and Ctrl+C with a selection, copy and paste like a desktop terminal.
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown') return true;
    const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
    if (e.key === 'Escape' && plain && !e.shiftKey) {
      flushEscape();
      escapeAt = performance.now();
      escapeTimer = setTimeout(flushEscape, ESCAPE_WINDOW_MS);
      handlers.announce('Escape: press Tab to leave the terminal, Shift+Tab to go back.');
      return false;
    }
    if (e.key === 'Tab' && plain && escapeAt !== undefined) {
      clearTimeout(escapeTimer);
      escapeAt = undefined;
      e.preventDefault();
      focusNeighbour(box, e.shiftKey);
      return false;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) flushEscape();
    const key = e.key.toLowerCase();
    if (e.ctrlKey && key === 'c' && (e.shiftKey || term.hasSelection())) {
      void navigator.clipboard?.writeText(term.getSelection());
      return false;
    }
    if (e.ctrlKey && e.shiftKey && key === 'v') {
      void navigator.clipboard?.readText().then((t) => term.paste(t));
      return false;
    }
    return true;
  });

  const refit = () => {
    if (box.offsetParent !== null && box.clientWidth > 0) fit.fit();
  };
  new ResizeObserver(refit).observe(box);
  refit();
  new MutationObserver(() => (term.options.theme = siteTheme())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });

  return {
    write: (data) => term.write(data),
    clear: () => term.reset(),
    focus: () => term.focus(),
    setScreenReaderMode: (on) => (term.options.screenReaderMode = on),
    size: () => ({ cols: term.cols, rows: term.rows }),
    text: () => {
      const buf = term.buffer.active;
      let text = '';
      for (let i = 0; i < buf.length; i++) {
        const line = buf.getLine(i);
        // Rows that continue a wrapped line join it, so long commands read as typed.
        const continued = buf.getLine(i + 1)?.isWrapped === true;
        text += (i > 0 && !line?.isWrapped ? '\n' : '') + (line?.translateToString(!continued) ?? '');
      }
      return text;
    },
  };
}
