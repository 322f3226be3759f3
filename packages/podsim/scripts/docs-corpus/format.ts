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
  /** What the prose asks to change in the editor `kubectl edit` opens ("change `…image` from `a` to `b`"). */
  edit?: { from: string; to: string };
  /** The reader saves the example the page just showed (its path under content/en/examples) as their file `as`, which this command then reads. */
  saves?: { example: string; as: string };
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
  examples: Record<string, string>;
  files: Record<string, string>;
  sections: CorpusSection[];
}
