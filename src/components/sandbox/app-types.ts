import type { ClusterSnapshot } from 'podsim';

/** What the page (run controls, the drawer) asks of a started sandbox. */
export type PageAction =
  | { kind: 'run'; line: string; until?: string }
  | { kind: 'key'; label: string; until?: string }
  | { kind: 'open' | 'apply' | 'fragment'; file: string; content: string };

export interface SandboxApp {
  perform(action: PageAction): Promise<void>;
  /** Stops the worker as a crash would; the supervisor restarts and restores it. */
  killWorker(): void;
  /** Everything in the terminal's buffer, scrollback included (tests, bench). */
  terminalText(): string;
  /** The cluster as the cluster view last drew it (tests). */
  snapshot(): ClusterSnapshot | undefined;
}
