/**
 * The names a reader types: the page's generated names (a pod's random suffix) stand for the objects this
 * cluster generated in their place, as a reader types their own pod's name where the page shows its own.
 */
import type { Sandbox } from '../../src/host/sandbox.js';

export interface NameContext {
  sb: Sandbox;
  /** Generated names the page printed and this cluster's in their place (learnNames). */
  names: Map<string, string>;
}

const HASH = '(?=[a-z0-9]*\\d)[bcdfghjklmnpqrstvwxz0-9]{6,10}';
// A pod suffix may be all consonants (`frontend-gbgfx`): the alphabet has no vowels, so it spells no word.
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
/**
 * Version: until 2016 (kubernetes 1.5) generated suffixes took any lower-case letter or digit; util/rand's
 * alphabet has since left out the vowels and 0, 1, 3 (`my-nginx-3800858182-jr4a2` on an old page).
 */
const OLD_SUFFIX = '[a-z0-9]{5}';
/** A name the page's cluster generated: `web-7d4b9c8f5d-x2x8k`, `web-7d4b9c8f5d`, `job-x2x8k`. */
const GENERATED = new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-(?:(${HASH})(?:-(${OLD_SUFFIX}))?|(${SUFFIX}))\\b`, 'g');

/**
 * The page's generated names replaced by this cluster's, as a reader types their own pod's name:
 * when the page's name does not exist here, the one an earlier output showed in its place (learnNames),
 * else an object whose name has the same prefix and shape; and a node-name placeholder replaced by a
 * worker node's name.
 */
export function ownNames(t: NameContext, command: string): string {
  const sb = t.sb;
  const names = new Set<string>();
  // ConfigMaps and Secrets a kustomize generator named with its content hash (`game-config-4-m9dm2f92bt`).
  for (const r of ['pods', 'replicasets', 'jobs', 'configmaps', 'secrets', 'endpointslices']) {
    const l = sb.cluster.api.list(r, undefined);
    if (l.ok) for (const o of l.value.items) names.add(o.metadata.name ?? '');
  }
  // A page's `<your-node-name>` is the reader's own node: the first worker here.
  const nodes = sb.cluster.nodeNames().filter((n) => n !== 'controlplane');
  const typed = nodes.length ? command.replace(/<[\w-]*node-?name>/g, nodes[0]) : command;
  return typed.replace(GENERATED, (whole: string, prefix: string, hash?: string, suffix?: string, alone?: string) => {
    if (names.has(whole)) return whole;
    const learned = t.names.get(whole);
    if (learned !== undefined) return learned;
    const shape = new RegExp(`^${prefix}-${hash ? HASH + (suffix ? '-' + SUFFIX : '') : SUFFIX}$`);
    return [...names].sort().find((n) => shape.test(n) && (alone === undefined || !n.slice(prefix.length + 1).includes('-'))) ?? whole;
  });
}

/** The distinct names in a text that a cluster generated (`job-x2x8k`, `web-7d4b9c8f5d-x2x8k`), with their prefix, in order. */
function generatedNames(text: string): { name: string; prefix: string }[] {
  const seen = new Map<string, string>();
  for (const m of text.matchAll(GENERATED)) if (!seen.has(m[0])) seen.set(m[0], m[1]);
  return [...seen].map(([name, prefix]) => ({ name, prefix }));
}

/**
 * A page's output names the objects its cluster generated where ours names this cluster's (a Job's pods in
 * its events, a Deployment's in a table): when both name as many with the page's prefix, they correspond in
 * order of first appearance, and a later command that types the page's name means ours. Ours may spell more
 * after the prefix than the page did (an Indexed Job's pods have carried their index since 1.28,
 * `indexed-job-3-fbk7g` for the page's `indexed-job-fdhq5`).
 */
export function learnNames(t: NameContext, expected: string, output: string): void {
  const ours = generatedNames(output);
  const page = generatedNames(expected);
  for (const prefix of new Set(page.map((p) => p.prefix))) {
    const theirs = page.filter((p) => p.prefix === prefix && !ours.some((o) => o.name === p.name));
    const mine = ours.filter((o) => o.name.startsWith(`${prefix}-`) && !page.some((p) => p.name === o.name));
    if (theirs.length === 0 || theirs.length !== mine.length) continue;
    theirs.forEach((p, k) => {
      if (!t.names.has(p.name)) t.names.set(p.name, mine[k].name);
    });
  }
}
