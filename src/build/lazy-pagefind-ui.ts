/**
 * Stands in for `@pagefind/default-ui` (aliased in astro.config.mjs). Starlight's search component
 * constructs the Pagefind UI as soon as the page is idle, which downloads ≈ 27 KB gzip of script
 * before the reader has shown any wish to search. This class takes the same options but loads the
 * real UI only on intent: pointer over, focus on or press of the search button, or Ctrl/⌘+K.
 * Starlight's button, dialog and shortcut handling stay as they are.
 */
type PagefindOptions = { element: string } & Record<string, unknown>;

const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focus', 'click', 'touchstart'] as const;

export class PagefindUI {
  constructor(options: PagefindOptions) {
    const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      for (const type of INTENT_EVENTS) button?.removeEventListener(type, start);
      removeEventListener('keydown', onKey, true);
      const host = document.querySelector(options.element);
      void import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: RealUI }) => {
        new RealUI(options);
        // The dialog may already be open (a click or Ctrl+K before the UI arrived): Starlight focused
        // an input that did not exist yet, so give the search field the focus now.
        if (host?.closest('dialog')?.open) host.querySelector('input')?.focus();
      });
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'k') start();
    };
    for (const type of INTENT_EVENTS) button?.addEventListener(type, start, { passive: true });
    addEventListener('keydown', onKey, true);
    // Starlight makes this object when the page is first idle, but its Ctrl/⌘+K already works
    // before that: a dialog opened that early is waiting for the UI.
    const dialog = document.querySelector(options.element)?.closest('dialog');
    if (!button || dialog?.open) start();
  }
}
