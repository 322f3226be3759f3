/**
 * What a page's prose promises the reader will see ("What you saw", the comments of its demo), as
 * data kept next to the page (content/docs/<slug>.promises.ts). The reader-pace tests click every
 * run control in order at a reader's pace and check each promise right after its step.
 */
import lifecycle from '../../content/docs/lifecycle.promises.js';
import multiContainerPods from '../../content/docs/multi-container-pods.promises.js';
import pods from '../../content/docs/pods.promises.js';
import probes from '../../content/docs/probes.promises.js';

export interface PagePromise {
  /** The page's words. */
  says: string;
  /** The step (its command line or key, as on the page) after which it shows. */
  after: string;
  /** Which occurrence of that step on the page (1 = the first, the default). */
  nth?: number;
  /** What the terminal shows, in the text since `since` was typed (default: since `after`). */
  terminal?: RegExp[];
  since?: string;
  /** The cluster's state (wait-condition.ts language), as the cluster view shows it. */
  cluster?: string;
}

export const PROMISES: Record<string, PagePromise[]> = {
  pods,
  'multi-container-pods': multiContainerPods,
  lifecycle,
  probes,
};

/** The step label a page line carries: the command as written, or the key's label. */
export function stepLabel(line: { kind: string; line?: string; label?: string }): string {
  return (line.kind === 'run' ? line.line ?? '' : line.label ?? '').trim();
}

/** Promises due after the step `label`, seen for the `count`th time on the page. */
export function promisesAfter(slug: string, label: string, count: number): PagePromise[] {
  return (PROMISES[slug] ?? []).filter((p) => p.after === label && (p.nth ?? 1) === count);
}

/**
 * What the terminal shows since `typed` was last echoed as a line of its own (after a prompt, or at
 * a line start when a background job printed in between); '' when it never was.
 */
export function textSince(screen: string, typed: string): string {
  const t = typed.trim();
  let end = -1;
  let at = 0;
  for (const line of screen.split('\n')) {
    const l = line.trimEnd();
    at += line.length + 1;
    if (l === t || l.endsWith(`$ ${t}`) || l.endsWith(`# ${t}`)) end = at;
  }
  return end < 0 ? '' : screen.slice(end);
}
