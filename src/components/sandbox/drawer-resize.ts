/**
 * The drawer's top edge: a separator that resizes the drawer by pointer drag or keyboard (arrow
 * keys 5 %, Page Up/Down 20 %, Home/End to the limits). The height is kept for this browser.
 */
const KEY = 'podlab:sbx-height';
const MIN = 20;
const MAX = 95;

const clamp = (v: number) => Math.round(Math.min(MAX, Math.max(MIN, v)));

export function wireDrawerResize(handle: HTMLElement): void {
  const apply = (percent: number) => {
    const v = clamp(percent);
    document.documentElement.style.setProperty('--sbx-height', `${v}vh`);
    handle.setAttribute('aria-valuenow', String(v));
    handle.setAttribute('aria-valuetext', `${v}% of the window`);
    localStorage.setItem(KEY, String(v));
  };
  const saved = Number(localStorage.getItem(KEY));
  if (saved) apply(saved);

  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => apply(((innerHeight - ev.clientY) / innerHeight) * 100);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    e.preventDefault();
  });
  handle.addEventListener('keydown', (e) => {
    const now = Number(handle.getAttribute('aria-valuenow'));
    const step = { ArrowUp: 5, ArrowDown: -5, PageUp: 20, PageDown: -20, Home: MIN - now, End: MAX - now }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    apply(now + step);
  });
}
