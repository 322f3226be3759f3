/**
 * Course progress kept in this browser only: pages visited and hands-on checks done, shown as marks
 * in the sidebar.
 */
const VISITED = 'podlab:visited';
const DONE = 'podlab:done';

function pageKey(path = location.pathname): string {
  return path.replace(/\/+$/, '') || '/';
}

function readSet(key: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function add(key: string, value: string): void {
  const set = readSet(key);
  set.add(value);
  localStorage.setItem(key, JSON.stringify([...set]));
}

export function markVisited(): void {
  add(VISITED, pageKey());
}

export function markDone(): void {
  add(DONE, pageKey());
  showProgressInSidebar();
}

export function isDone(): boolean {
  return readSet(DONE).has(pageKey());
}

export function showProgressInSidebar(): void {
  const visited = readSet(VISITED);
  const done = readSet(DONE);
  document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]').forEach((a) => {
    const key = pageKey(new URL(a.href).pathname);
    const state = done.has(key) ? 'done' : visited.has(key) ? 'visited' : undefined;
    if (!state) return;
    a.dataset.progress = state;
    if (a.querySelector('.podlab-progress')) a.querySelector('.podlab-progress')!.remove();
    const mark = document.createElement('span');
    mark.className = 'podlab-progress';
    mark.innerHTML =
      state === 'done' ? '<span aria-hidden="true"> ✓</span><span class="sr-only"> (hands-on check done)</span>' : '<span class="sr-only"> (visited)</span>';
    a.append(mark);
  });
}
