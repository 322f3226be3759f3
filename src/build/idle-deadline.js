// Runs first in every page's head. Chromium was seen to give a page no idle period for many seconds
// after a modal dialog opened right after load (Ctrl+K before idle: tests/e2e/search-shortcut.spec.ts),
// and Starlight builds its search UI in an idle callback with no deadline, so the open search dialog
// stayed empty. A deadline makes such work run anyway once the page has been busy that long.
(() => {
  const ric = window.requestIdleCallback;
  if (!ric) return;
  window.requestIdleCallback = (callback, options) => ric.call(window, callback, { timeout: 1000, ...options });
})();
