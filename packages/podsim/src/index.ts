/**
 * podsim's public API: a sandbox (cluster + the reader's machine + terminal) behind one façade,
 * and the transcript runner behind `podsim run`.
 */
export { createSandbox, restoreSandbox } from './host/sandbox.js';
export type {
  SandboxApi,
  SandboxOptions,
  SavedState,
  RunResult,
  ClusterSnapshot,
  PodView,
  ContainerView,
  EventView,
  EditorRequest,
  WorkloadView,
  ContainerTimeline,
  TimelineSpan,
  ProbeTick,
} from './host/sandbox-types.js';
export type { EditorMode } from './kubectl/context.js';
export { runScript, isInterruptLine, type RunScriptOptions } from './cli/run-script.js';
export { plainText } from './format/screen-text.js';
