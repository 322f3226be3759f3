/**
 * The cluster view: nodes, pods with their containers (state, ready, restarts, probe results) and
 * the event timeline, drawn from a snapshot. Plain text in semantic tables and lists, so screen
 * readers and keyboard users get the same picture.
 */
import type { ClusterSnapshot, ContainerView, EventView, PodView } from 'podsim';

const esc = (s: string | number | undefined) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function clockText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function statusClass(status: string): string {
  if (status === 'Running' || status === 'Completed') return 'ok';
  if (/Err|BackOff|Error|Failed|OOM/.test(status)) return 'bad';
  return 'wait';
}

function probes(c: ContainerView): string {
  const parts = (['startup', 'liveness', 'readiness'] as const)
    .filter((k) => c.probes[k] !== undefined)
    .map((k) => `${k} ${c.probes[k]}`);
  return parts.length ? parts.join(', ') : '—';
}

function containerState(c: ContainerView): string {
  const detail = [c.reason, c.exitCode !== undefined ? `exit ${c.exitCode}` : ''].filter(Boolean).join(', ');
  return detail ? `${c.state} (${detail})` : c.state;
}

function podRows(p: PodView): string {
  const head = `<tr class="sbx-pod"><th scope="row">${esc(p.name)}${p.deleting ? ' <span class="sbx-tag">deleting</span>' : ''}</th><td>${esc(p.node ?? '—')}</td><td><span class="sbx-status sbx-${statusClass(p.status)}">${esc(p.status)}</span></td><td>${esc(p.ready)}</td><td>${p.restarts}</td></tr>`;
  const containers = p.containers
    .map(
      (c) =>
        `<tr class="sbx-ctr"><td colspan="5"><span class="sbx-ctr-name">${c.init ? 'init ' : ''}${esc(c.name)}</span> <span class="sbx-muted">${esc(c.image)}</span> · ${esc(containerState(c))} · ${c.ready ? 'ready' : 'not ready'} · ${c.restarts} restarts · probes: ${esc(probes(c))}</td></tr>`,
    )
    .join('');
  return head + containers;
}

function eventItem(e: EventView): string {
  return `<li class="sbx-ev sbx-ev-${e.type === 'Warning' ? 'warn' : 'normal'}"><time>${clockText(e.time)}</time> <strong>${esc(e.reason)}</strong> ${esc(e.object)}: ${esc(e.message)}${e.count > 1 ? ` <span class="sbx-muted">(x${e.count})</span>` : ''}</li>`;
}

export function renderClusterView(el: HTMLElement, snap: ClusterSnapshot): void {
  const nodes = snap.nodes
    .map((n) => `<li><span class="sbx-status sbx-${n.ready ? 'ok' : 'bad'}">${n.ready ? 'Ready' : 'NotReady'}</span> ${esc(n.name)}${n.controlPlane ? ' <span class="sbx-muted">control plane</span>' : ''}</li>`)
    .join('');
  const pods = snap.pods.length
    ? `<table class="sbx-pods"><caption>Pods</caption><thead><tr><th scope="col">Name</th><th scope="col">Node</th><th scope="col">Status</th><th scope="col">Ready</th><th scope="col">Restarts</th></tr></thead><tbody>${snap.pods.map(podRows).join('')}</tbody></table>`
    : '<p class="sbx-muted">No pods yet.</p>';
  const events = snap.events.slice(-40);
  el.innerHTML = `
    <h3 class="sbx-h">Nodes</h3><ul class="sbx-nodes">${nodes}</ul>
    <h3 class="sbx-h">Pods</h3>${pods}
    <h3 class="sbx-h">Events</h3>${events.length ? `<ol class="sbx-events">${events.map(eventItem).join('')}</ol>` : '<p class="sbx-muted">No events yet.</p>'}`;
}
