/**
 * The only sandbox code loaded with the page (a few KB): the drawer, its tabs, and the run
 * controls' clicks. The worker, terminal and editor (sandbox-app.ts and below) are imported when
 * the reader opens the drawer, runs a step, points at or focuses the sandbox button or a run
 * control, or scrolls near the launcher.
 */
import { spawnSandboxWorker } from '../../worker/spawn-worker.ts';
import type { SandboxApp, PageAction } from './app-types.ts';

class PodlabSandbox extends HTMLElement {
  private app?: Promise<SandboxApp>;

  private wired = false;

  connectedCallback(): void {
    // The drawer is fixed to the window; Starlight's main pane isolates stacking, so move it out.
    if (this.parentElement !== document.body) {
      document.body.append(this);
      return;
    }
    if (this.wired) return;
    this.wired = true;
    this.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((tab) => {
      tab.addEventListener('click', () => this.selectTab(tab.dataset.tab!));
      tab.addEventListener('keydown', (e) => this.onTabKey(e));
    });
    this.querySelector('[data-sbx-action=close]')?.addEventListener('click', () => this.setOpen(false));
    // Phones: the less used tools fold behind "More" so the toolbar stays one row.
    this.querySelector('[data-sbx-more]')?.addEventListener('click', (e) => {
      const open = (e.currentTarget as HTMLElement).getAttribute('aria-expanded') !== 'true';
      (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(open));
      this.dataset.more = String(open);
    });
    this.querySelector('[data-sbx-action=maximize]')?.addEventListener('click', (e) => {
      const on = this.dataset.max !== 'true';
      this.dataset.max = String(on);
      (e.currentTarget as HTMLElement).setAttribute('aria-pressed', String(on));
      window.dispatchEvent(new Event('resize'));
    });
  }

  get page(): string {
    return this.dataset.page ?? location.pathname;
  }

  /** Starts the worker and the terminal (once): worker, saved state and terminal chunk load in parallel. */
  boot(): Promise<SandboxApp> {
    if (!this.app) {
      const worker = spawnSandboxWorker();
      const saved = import('../../persistence/saved-state.ts').then((m) => m.loadState(this.page));
      this.app = import('./sandbox-app.ts').then((m) => m.startSandbox(this, { worker, saved }));
    }
    return this.app;
  }

  setOpen(open: boolean): void {
    this.dataset.open = String(open);
    document.documentElement.classList.toggle('podlab-sbx-open', open);
    if (open) void this.boot();
  }

  selectTab(name: string): void {
    this.dataset.tab = name;
    if (name !== 'terminal') this.dataset.right = name;
    this.querySelectorAll<HTMLElement>('.sbx-tabs [role=tab]').forEach((t) => {
      const selected = t.dataset.tab === name;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
    });
    this.dispatchEvent(new CustomEvent('sbx-tab', { detail: name }));
  }

  private onTabKey(e: KeyboardEvent): void {
    const tabs = [...this.querySelectorAll<HTMLElement>('.sbx-tabs [role=tab]')].filter((t) => t.offsetParent !== null);
    const i = tabs.indexOf(e.currentTarget as HTMLElement);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
    if (!next) return;
    e.preventDefault();
    next.focus();
    this.selectTab(next.dataset.tab!);
  }

  /** Test and support hook: stops the worker as if it had crashed. */
  async killWorker(): Promise<void> {
    (await this.boot()).killWorker();
  }

  async terminalText(): Promise<string> {
    return (await this.boot()).terminalText();
  }

  async snapshot(): Promise<unknown> {
    return (await this.boot()).snapshot();
  }

  async perform(action: PageAction): Promise<void> {
    this.setOpen(true);
    const app = await this.boot();
    await app.perform(action);
  }
}

function actionOf(el: HTMLElement): PageAction | undefined {
  const block = el.closest<HTMLElement>('[data-rc-block]');
  switch (el.dataset.rcAction) {
    case 'run':
      return { kind: 'run', line: el.dataset.rcLine ?? '', until: el.dataset.rcUntil };
    case 'key':
      return { kind: 'key', label: el.dataset.rcKey ?? '', until: el.dataset.rcUntil };
    case 'open':
    case 'apply':
    case 'fragment': {
      const text = block?.querySelector('pre')?.textContent ?? '';
      return { kind: el.dataset.rcAction, file: el.dataset.rcFile!, content: text.endsWith('\n') ? text : text + '\n' };
    }
  }
  return undefined;
}

customElements.define('podlab-sandbox', PodlabSandbox);

const sandbox = document.querySelector<PodlabSandbox>('podlab-sandbox');
if (sandbox) {
  document.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('[data-sbx-open]')) sandbox.setOpen(true);
    const control = target.closest<HTMLElement>('[data-rc-action]');
    const action = control && actionOf(control);
    if (!action || !control) return;
    control.dataset.busy = 'true';
    void sandbox.perform(action).finally(() => delete control.dataset.busy);
  });
  // A pointer over, or focus on, the sandbox's button or a run control starts the sandbox before the click.
  const warmUp = (e: Event) => {
    if (!(e.target as Element | null)?.closest?.('[data-sbx-open], [data-rc-action]')) return;
    document.removeEventListener('pointerover', warmUp);
    document.removeEventListener('focusin', warmUp);
    void sandbox.boot();
  };
  document.addEventListener('pointerover', warmUp, { passive: true });
  document.addEventListener('focusin', warmUp);
  // Warm up (worker + terminal) when the reader scrolls near the launcher; never on first paint.
  const launcher = document.querySelector('[data-sbx-launcher]');
  if (launcher && 'IntersectionObserver' in window) {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((en) => en.isIntersecting)) {
          io.disconnect();
          void sandbox.boot();
        }
      },
      { rootMargin: '200px' },
    );
    addEventListener('scroll', () => io.observe(launcher), { once: true, passive: true });
  }
  // A drawer left open stays open across reloads, once the page has loaded.
  if (sessionStorage.getItem(`podlab:open:${sandbox.page}`) === 'true') {
    addEventListener('load', () => setTimeout(() => sandbox.setOpen(true), 0), { once: true });
  }
  new MutationObserver(() => sessionStorage.setItem(`podlab:open:${sandbox.page}`, sandbox.dataset.open ?? 'false')).observe(sandbox, {
    attributes: true,
    attributeFilter: ['data-open'],
  });
}
