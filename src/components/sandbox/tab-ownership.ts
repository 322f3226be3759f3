/**
 * One tab owns a page's saved sandbox (a Web Lock per page). Another tab of the same page works on
 * a copy that is not saved, says so, and can take over: the lock is stolen, this tab's sandbox is
 * saved from then on, and the tab that lost it says so in turn.
 */
export class TabOwnership {
  private owner = false;

  constructor(
    private readonly page: string,
    private readonly notice: HTMLElement,
    private readonly onOwn: () => void,
  ) {}

  get owns(): boolean {
    return this.owner;
  }

  /** Resolves once it is known whether this tab owns the page's saved state. */
  async claim(steal = false): Promise<void> {
    const locks = navigator.locks;
    if (!locks) {
      // No Web Locks (very old browser): every tab saves, as before.
      this.owner = true;
      return;
    }
    await new Promise<void>((decided) => {
      locks
        .request(`podlab:sandbox:${this.page}`, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          this.owner = lock !== null;
          decided();
          if (!lock) return undefined;
          this.hideNotice();
          try {
            this.onOwn();
          } catch {
            // Saving is best effort; owning the lock is what matters here.
          }
          // Held for the life of the page (or until another tab takes over).
          return new Promise<void>(() => undefined);
        })
        .catch(() => {
          // Another tab took the lock.
          this.owner = false;
          this.showNotice('This page’s sandbox was taken over in another tab. What you do here is no longer saved.');
          decided();
        });
    });
    if (!this.owner && !steal) this.showNotice('This page’s sandbox is open in another tab, which saves it. What you do here is not saved.');
  }

  private showNotice(text: string): void {
    const p = document.createElement('span');
    p.textContent = text;
    const take = document.createElement('button');
    take.type = 'button';
    take.className = 'sbx-btn sbx-primary';
    take.dataset.sbxTakeOver = '';
    take.textContent = 'Use this tab instead';
    take.addEventListener('click', () => void this.claim(true));
    this.notice.replaceChildren(p, take);
    this.notice.hidden = false;
  }

  private hideNotice(): void {
    if (this.notice.querySelector('[data-sbx-take-over]')) {
      this.notice.replaceChildren();
      this.notice.hidden = true;
    }
  }
}
