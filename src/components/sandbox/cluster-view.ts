/**
 * The cluster view: nodes; Deployments and ReplicaSets with the pods they own; each pod's
 * containers with their timeline; events newest first. Plain text in semantic tables and lists, so
 * screen readers and keyboard users get the same picture. What changed since the last drawing is
 * highlighted for a moment.
 */
import type { ClusterSnapshot, ContainerView, EventView, PodView, WorkloadView } from 'podsim';
import { clockText, esc, timelineHtml } from './container-timeline.ts';

export { clockText };

/** What was shown last per view, to mark what changed. */
const previous = new WeakMap<HTMLElement, Map<string, string>>();

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

function podRows(p: PodView, snap: ClusterSnapshot, changed: (key: string, sig: string) => string): string {
  const key = `pod/${p.namespace}/${p.name}`;
  const cls = changed(key, `${p.status}|${p.ready}|${p.restarts}|${p.deleting}`);
  const start = Math.min(...p.containers.flatMap((c) => c.timeline?.spans.map((s) => s.from) ?? []), snap.now);
  const head = `<tr class="sbx-pod${cls}" data-pod="${esc(p.name)}"><th scope="row">${esc(p.name)}${p.deleting ? ' <span class="sbx-tag">deleting</span>' : ''}</th><td>${esc(p.node ?? '—')}</td><td><span class="sbx-status sbx-${statusClass(p.status)}">${esc(p.status)}</span></td><td>${esc(p.ready)}</td><td>${p.restarts}</td></tr>`;
  const containers = p.containers
    .map((c) => {
      const ccls = changed(`${key}/${c.name}`, `${c.state}|${c.reason}|${c.ready}|${c.restarts}`);
      return `<tr class="sbx-ctr${ccls}"><td colspan="5"><span class="sbx-ctr-name">${c.init ? 'init ' : ''}${esc(c.name)}</span> <span class="sbx-muted">${esc(c.image)}</span> · ${esc(containerState(c))} · ${c.ready ? 'ready' : 'not ready'} · ${c.restarts} restarts · probes: ${esc(probes(c))}${timelineHtml(c, snap.now, start)}</td></tr>`;
    })
    .join('');
  return head + containers;
}

function groupRow(w: WorkloadView, depth: number, changed: (key: string, sig: string) => string): string {
  const cls = changed(`${w.kind}/${w.namespace}/${w.name}`, `${w.ready}/${w.replicas}`);
  return `<tr class="sbx-group sbx-depth-${depth}${cls}"><th scope="rowgroup" colspan="5">${w.kind} <strong>${esc(w.name)}</strong> <span class="sbx-muted">${w.ready}/${w.replicas} ready</span></th></tr>`;
}

/** Pods grouped under their owners: Deployment → ReplicaSet → pods, then pods of other owners or none. */
function podTable(snap: ClusterSnapshot, changed: (key: string, sig: string) => string): string {
  const workloads = snap.workloads ?? [];
  const podsOf = (owner: string) => snap.pods.filter((p) => p.owner === owner);
  const shown = new Set<PodView>();
  const rows: string[] = [];
  const replicaSets = (owner: string | undefined) => workloads.filter((w) => w.kind === 'ReplicaSet' && w.owner === owner);
  const rsRows = (rs: WorkloadView, depth: number) => {
    const pods = podsOf(`ReplicaSet/${rs.name}`).filter((p) => p.namespace === rs.namespace);
    pods.forEach((p) => shown.add(p));
    return groupRow(rs, depth, changed) + pods.map((p) => podRows(p, snap, changed)).join('');
  };
  for (const d of workloads.filter((w) => w.kind === 'Deployment')) {
    rows.push(`<tbody>${groupRow(d, 0, changed)}${replicaSets(`Deployment/${d.name}`).map((rs) => rsRows(rs, 1)).join('')}</tbody>`);
  }
  const orphanSets = workloads.filter((w) => w.kind === 'ReplicaSet' && !workloads.some((d) => d.kind === 'Deployment' && w.owner === `Deployment/${d.name}`));
  for (const rs of orphanSets) rows.push(`<tbody>${rsRows(rs, 0)}</tbody>`);
  const rest = snap.pods.filter((p) => !shown.has(p));
  if (rest.length) rows.push(`<tbody>${rest.map((p) => podRows(p, snap, changed)).join('')}</tbody>`);
  return `<table class="sbx-pods"><caption>Pods, grouped by the Deployments and ReplicaSets that own them</caption><thead><tr><th scope="col">Name</th><th scope="col">Node</th><th scope="col">Status</th><th scope="col">Ready</th><th scope="col">Restarts</th></tr></thead>${rows.join('')}</table>`;
}

function eventItem(e: EventView, cls: string): string {
  return `<li class="sbx-ev sbx-ev-${e.type === 'Warning' ? 'warn' : 'normal'}${cls}"><time>${clockText(e.time)}</time> <strong>${esc(e.reason)}</strong> ${esc(e.object)}: ${esc(e.message)}${e.count > 1 ? ` <span class="sbx-muted">(x${e.count})</span>` : ''}</li>`;
}

export function renderClusterView(el: HTMLElement, snap: ClusterSnapshot): void {
  const before = previous.get(el);
  const seen = new Map<string, string>();
  const changed = (key: string, sig: string) => {
    seen.set(key, sig);
    return before && before.get(key) !== sig ? ' sbx-changed' : '';
  };
  const nodes = snap.nodes
    .map((n) => `<li><span class="sbx-status sbx-${n.ready ? 'ok' : 'bad'}">${n.ready ? 'Ready' : 'NotReady'}</span> ${esc(n.name)}${n.controlPlane ? ' <span class="sbx-muted">control plane</span>' : ''}</li>`)
    .join('');
  const pods = snap.pods.length || snap.workloads?.length ? podTable(snap, changed) : '<p class="sbx-muted">No pods yet.</p>';
  // Newest first: what just happened is at the top, not scrolled out of sight.
  const events = snap.events.slice(-40).reverse();
  const eventList = events.map((e) => eventItem(e, changed(`ev/${e.time}/${e.reason}/${e.object}/${e.message}`, String(e.count)))).join('');
  previous.set(el, seen);
  el.innerHTML = `
    <h3 class="sbx-h">Nodes</h3><ul class="sbx-nodes">${nodes}</ul>
    <h3 class="sbx-h">Workloads and pods</h3>${pods}
    <h3 class="sbx-h">Events <span class="sbx-muted">(newest first)</span></h3>${events.length ? `<ol class="sbx-events" reversed>${eventList}</ol>` : '<p class="sbx-muted">No events yet.</p>'}`;
}
