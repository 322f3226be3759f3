/**
 * A pod watch the reader starts in their second terminal, the page printing none of it, is what they look
 * at before going on ("Once they're up, …"): they go on once the pods it lists are up (Ready, or finished)
 * and the StatefulSets and ReplicaSets making such pods have all they want (a StatefulSet scaled up makes
 * its pods one at a time). Bounded, as a reader gives up on pods that never come up.
 */
import type { KubeObject, Pod } from '../../src/api/types.js';
import { parseLabelSelector } from '../../src/api/selectors.js';
import type { Sandbox } from '../../src/host/sandbox.js';

const SETTLE_MAX_MS = 240_000;
const LOOK_MS = 1_000;

const POD_WATCH = /^kubectl\s+get\s+(?:pods?|po)\b/;

type Obj = KubeObject & { spec?: { replicas?: number; template?: { metadata?: { labels?: Record<string, string> } } }; status?: { readyReplicas?: number; replicas?: number } };

function flag(command: string, short: string, long: string): string | undefined {
  return new RegExp(`\\s(?:-${short}|--${long})(?:=|\\s+)(\\S+)`).exec(command)?.[1];
}

function list<T>(sb: Sandbox, resource: string, ns: string | undefined): T[] {
  const r = sb.cluster.api.list<T & KubeObject>(resource, ns);
  return r.ok ? r.value.items : [];
}

function up(p: Pod & KubeObject): boolean {
  if (p.metadata.deletionTimestamp) return false;
  if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return true;
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function settled(sb: Sandbox, command: string): boolean {
  const all = /\s(-A|--all-namespaces)\b/.test(command);
  const ns = all ? undefined : (flag(command, 'n', 'namespace') ?? 'default');
  const selector = parseLabelSelector(flag(command, 'l', 'selector')?.replace(/^['"]|['"]$/g, '') ?? '');
  if (!selector.ok) return true;
  const pods = list<Pod & KubeObject>(sb, 'pods', ns).filter((p) => selector.matches(p.metadata.labels ?? {}));
  if (!pods.every(up)) return false;
  const makers = ['statefulsets', 'replicasets'].flatMap((r) => list<Obj>(sb, r, ns)).filter((o) => selector.matches(o.spec?.template?.metadata?.labels ?? {}));
  return makers.every((o) => (o.status?.readyReplicas ?? 0) === (o.spec?.replicas ?? 1) && (o.status?.replicas ?? 0) === (o.spec?.replicas ?? 1));
}

export function letWatchedPodsSettle(sb: Sandbox, command: string): void {
  if (!POD_WATCH.test(command.trim())) return;
  const end = sb.now() + SETTLE_MAX_MS;
  while (!settled(sb, command) && sb.now() < end) sb.advance(LOOK_MS);
}
