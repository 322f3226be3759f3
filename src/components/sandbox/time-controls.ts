/**
 * Virtual time controls (pause, 1×, 10×, 60×, skip) and the pacing loop: the page's only link
 * between wall time and the cluster clock, calling tick(wallMs) a few times a second.
 */
import type { RemoteSandbox } from './worker-client.ts';
import { clockText } from './cluster-view.ts';

const PACE_MS = 250;

export class TimeControls {
  private timer?: ReturnType<typeof setInterval>;
  private last = performance.now();

  constructor(
    private readonly root: HTMLElement,
    private readonly sandbox: () => RemoteSandbox,
    private readonly onClock: (now: number) => void = () => undefined,
  ) {
    root.querySelectorAll<HTMLButtonElement>('[data-speed]').forEach((b) =>
      b.addEventListener('click', () => void this.setSpeed(Number(b.dataset.speed))),
    );
    root.querySelectorAll<HTMLButtonElement>('[data-skip]').forEach((b) =>
      b.addEventListener('click', () => void this.skip(Number(b.dataset.skip))),
    );
  }

  start(): void {
    clearInterval(this.timer);
    this.last = performance.now();
    this.timer = setInterval(() => void this.pace(), PACE_MS);
  }

  async syncFromSandbox(): Promise<void> {
    this.showSpeed(await this.sandbox().getSpeed());
    await this.refreshClock();
  }

  showClock(now: number): void {
    const el = this.root.querySelector<HTMLElement>('[data-sbx-clock]');
    if (el) {
      el.textContent = clockText(now);
      el.dataset.now = String(now);
    }
    this.onClock(now);
  }

  private async setSpeed(speed: number): Promise<void> {
    await this.sandbox().setSpeed(speed);
    this.showSpeed(speed);
  }

  private async skip(ms: number): Promise<void> {
    await this.sandbox().advance(ms);
    await this.refreshClock();
  }

  private showSpeed(speed: number): void {
    this.root.querySelectorAll<HTMLButtonElement>('[data-speed]').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed)));
  }

  private async pace(): Promise<void> {
    const now = performance.now();
    const wall = now - this.last;
    this.last = now;
    try {
      await this.sandbox().tick(wall);
      await this.refreshClock();
    } catch {
      // The supervisor notices a dead worker and restarts it; nothing to do here.
    }
  }

  private async refreshClock(): Promise<void> {
    this.showClock(await this.sandbox().now());
  }
}
