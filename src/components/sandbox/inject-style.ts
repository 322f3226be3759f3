/**
 * Adds a lazily loaded library's CSS when its chunk runs. Imported as `?inline` strings so Astro
 * does not hoist them into <head> and block the first paint (withastro/astro#9495).
 */
export function injectStyle(id: string, css: string): void {
  if (document.querySelector(`style[data-podlab-style="${id}"]`)) return;
  const style = document.createElement('style');
  style.dataset.podlabStyle = id;
  style.textContent = css;
  document.head.append(style);
}
