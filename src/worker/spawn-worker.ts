/**
 * Creates the page's simulator worker. Kept apart from worker-client.ts so the page's loader can
 * start downloading the worker the moment the reader asks for the sandbox, in parallel with the
 * terminal's chunk, instead of after it.
 */
export function spawnSandboxWorker(): Worker {
  return new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'podsim' });
}
