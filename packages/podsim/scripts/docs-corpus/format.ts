/**
 * The docs acceptance corpus format: one JSON file per Kubernetes documentation page, written by
 * gen-docs-corpus.ts and read by test/acceptance/. One definition for the writer and the reader.
 */

export interface CorpusStep {
  command: string;
  /** Line of the page where the command is written. */
  line: number;
  /** The page's printed output for this command, as written. */
  expected?: string;
  expectedLine?: number;
  /** Other outputs the page gives as just as likely ("The output is similar to: … or …"): any one may match. */
  alternatives?: string[];
  /** Seconds the prose asks the reader to wait before this command ("After 35 seconds, …"). */
  waitBefore?: number;
  /** The prose asks the reader to wait for the previous Pods to terminate, watching with this command: they wait after it. */
  thenAwaitTermination?: boolean;
  /** Typed into an interactive shell opened by an earlier step (`kubectl exec -it … -- sh`). */
  inSession?: boolean;
  /** The command that opens that shell, when the page sends the reader back into a Pod it had them open one in. */
  shell?: string;
  /**
   * Typed on a cluster node the page logged in to with this command (`ssh my-node1`): a reader who went
   * back to their own machine in between (for kubectl) logs in again first.
   */
  node?: string;
  /** The printed output is that of this many commands of one block together (this one the last). */
  outputOf?: number;
  /**
   * The page offers this command instead of the one before ("Alternatively, …", "or use the following
   * command:"): a reader runs one of them, so each is scored on a path where the others were not run.
   */
  alternative?: boolean;
  /**
   * What the prose asks to change in the editor `kubectl edit` opens: a value ("change `…image` from `a` to `b`"),
   * or the field at the end of a YAML path the page shows changed (`volumes: - configMap: name: x # Update this field`).
   */
  edit?: { from: string; to: string } | { field: string[]; to: string };
  /** Before this command the reader saves `text` as their file `as`: a new version of a file they already have, which the page just showed. */
  saves?: { as: string; text: string };
  /** The page has the reader run it in a terminal of its own and leave it running there ("# Run this in a separate terminal"). */
  elsewhere?: boolean;
  /** Before this command the prose has the reader stop (Ctrl+C) what they left running in that other terminal. */
  stopsElsewhere?: boolean;
  /** Why the step is not scored (it needs what the simulator does not model), from the overrides. */
  outOfScope?: string;
}

export interface CorpusSection {
  title: string;
  steps: CorpusStep[];
}

export interface CorpusPage {
  page: string;
  url: string;
  source: { repository: string; commit: string; path: string };
  title: string;
  /** The page carries on from this one (a tutorial's previous module): it is replayed first. */
  continues?: string;
  /** The worker nodes the page's prerequisites ask for ("a Kubernetes cluster that has only one Node"). */
  workers?: number;
  /**
   * Cluster add-ons the page's prerequisites say must run (`You must deploy the metrics-server …`), from
   * the overrides: the reader installed them before the first step.
   */
  addons?: string[];
  /** Feature gates, off by default, that the page's prerequisites say must be enabled: the reader's cluster has them on. */
  featureGates?: string[];
  examples: Record<string, string>;
  files: Record<string, string>;
  sections: CorpusSection[];
}

/** A YAML line's indentation (a list item's `- ` counted in it), key and value. */
export function yamlEntry(line: string): { indent: number; key: string; value: string } | undefined {
  const m = /^(\s*(?:-\s+)?)([\w./-]+):\s*(.*)$/.exec(line);
  return m ? { indent: m[1].length, key: m[2], value: m[3] } : undefined;
}

/** The keys leading to line `i` of a YAML text, by indentation: `volumes`, `configMap`, `name`. */
export function yamlKeyPath(lines: readonly string[], i: number): string[] {
  const at = yamlEntry(lines[i]);
  if (!at) return [];
  const path = [at.key];
  let indent = at.indent;
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const a = yamlEntry(lines[k]);
    if (!a || a.indent >= indent) continue;
    path.unshift(a.key);
    indent = a.indent;
  }
  return path;
}
