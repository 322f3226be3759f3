/**
 * One container's life on the cluster clock, drawn as a bar: running, waiting (with its reason) and
 * terminated (with its exit code) spans, restarts as marks, probe attempts as ticks (passes along the top edge, failures along the bottom), and the
 * current back-off with a countdown to the next restart. The same facts are given as text for
 * screen readers (role=img with a label).
 */
import type { ContainerTimeline, ContainerView, TimelineSpan } from 'podsim';

/** The bar shows at most this much of the past. */
export const TIMELINE_WINDOW_MS = 10 * 60_000;

/** HTML-escapes text for the view's markup. */
export const esc = (s: string | number | undefined) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function secondsText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

const PROBE_WORD = { Success: 'passed', Failure: 'failed', Unknown: 'could not run' } as const;

/** "liveness probe: 12 passed, 3 failed" per kind, for the screen-reader story. */
function probeCounts(ticks: ContainerTimeline['probes']): string[] {
  const kinds = (['startup', 'liveness', 'readiness'] as const).filter((k) => ticks.some((p) => p.kind === k));
  return kinds.map((k) => {
    const of = ticks.filter((p) => p.kind === k);
    const parts = (['Success', 'Failure', 'Unknown'] as const).map((r) => [of.filter((p) => p.result === r).length, PROBE_WORD[r]] as const).filter(([n]) => n > 0);
    return `${k} probe: ${parts.map(([n, w]) => `${n} ${w}`).join(', ')}`;
  });
}

function spanLabel(s: TimelineSpan): string {
  if (s.state === 'running') return 'running';
  if (s.state === 'terminated') return `terminated (${[s.reason, `exit ${s.exitCode}`].filter(Boolean).join(', ')})`;
  return `waiting${s.reason ? ` (${s.reason})` : ''}`;
}

function spanClass(s: TimelineSpan): string {
  if (s.state === 'running') return 'run';
  if (s.state === 'terminated') return s.exitCode === 0 ? 'done' : 'fail';
  return 'wait';
}

/** What the countdown says, updated as the clock moves (see updateCountdowns). */
export function backoffText(until: number, ms: number, now: number): string {
  const left = until - now;
  return left > 0 ? `back-off ${secondsText(ms)}: next restart in ${secondsText(left)}` : `back-off ${secondsText(ms)} over: restart due at the kubelet's next sync`;
}

export function timelineHtml(c: ContainerView, now: number, start: number): string {
  const t = c.timeline;
  if (!t || t.spans.length === 0) return '';
  const from = Math.max(start, now - TIMELINE_WINDOW_MS);
  const width = Math.max(1, now - from);
  const pct = (ms: number) => `${(((Math.min(now, Math.max(from, ms)) - from) / width) * 100).toFixed(2)}%`;
  const spans = t.spans
    .filter((s) => (s.to ?? now) > from)
    .map((s) => {
      const left = pct(s.from);
      const w = (((Math.min(now, s.to ?? now) - Math.max(from, s.from)) / width) * 100).toFixed(2);
      return `<span class="sbx-tl-span sbx-tl-${spanClass(s)}" style="left:${left};width:${w}%" title="${esc(`${clockText(s.from)} ${spanLabel(s)}`)}"></span>`;
    })
    .join('');
  const restarts = t.restarts
    .filter((at) => at >= from)
    .map((at) => `<span class="sbx-tl-restart" style="left:${pct(at)}" title="restart at ${clockText(at)}"></span>`)
    .join('');
  const probes = t.probes
    .filter((p) => p.at >= from)
    .map((p) => `<span class="sbx-tl-probe sbx-tl-${p.kind} sbx-tl-${p.result.toLowerCase()}" style="left:${pct(p.at)}" title="${esc(`${p.kind} probe ${PROBE_WORD[p.result]} at ${clockText(p.at)}`)}"></span>`)
    .join('');
  const kinds = probeCounts(t.probes);
  const story = [
    ...t.spans.slice(-6).map((s) => `${clockText(s.from)} ${spanLabel(s)}`),
    t.restarts.length ? `${t.restarts.length} restarts` : '',
    ...kinds,
  ]
    .filter(Boolean)
    .join('; ');
  const backoff = c.backoff
    ? `<span class="sbx-tl-backoff" data-until="${c.backoff.until}" data-backoff="${c.backoff.ms}" role="timer">${esc(backoffText(c.backoff.until, c.backoff.ms, now))}</span>`
    : '';
  return `<div class="sbx-tl"><div class="sbx-tl-bar" role="img" aria-label="${esc(`Timeline of ${c.name} since ${clockText(from)}: ${story}`)}">${spans}${restarts}${probes}</div><div class="sbx-tl-axis"><span>${clockText(from)}</span>${backoff}<span>${clockText(now)}</span></div></div>`;
}

/** Moves every back-off countdown in `el` to the clock's `now` without redrawing the view. */
export function updateCountdowns(el: HTMLElement, now: number): void {
  el.querySelectorAll<HTMLElement>('[data-until]').forEach((b) => {
    b.textContent = backoffText(Number(b.dataset.until), Number(b.dataset.backoff), now);
  });
}
