/**
 * monaco-yaml 5.5 (through monaco-worker-manager) still calls the pre-0.55 form
 * `editor.createWebWorker({ moduleId, label, createData })`; monaco-editor 0.55+ wants
 * `{ worker }` (monaco-yaml#272, monaco-editor#5049). This hands monaco-yaml a view of the monaco
 * API whose createWebWorker accepts the old form: it starts the worker through MonacoEnvironment
 * and sends the two start messages the worker expects ("ignore", then createData), as monaco's own
 * language services do.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api.js';

type Monaco = typeof MonacoApi;

interface LegacyOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

export function withLegacyCreateWebWorker(monaco: Monaco): Monaco {
  const createWebWorker = (opts: LegacyOptions) => {
    if (opts.worker) return monaco.editor.createWebWorker(opts as Parameters<Monaco['editor']['createWebWorker']>[0]);
    const env = self.MonacoEnvironment;
    const worker = Promise.resolve(env?.getWorker?.(opts.moduleId ?? 'workerMain.js', opts.label ?? 'editorWorkerService')).then((w) => {
      if (!w) throw new Error(`no worker for ${opts.label}`);
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as Monaco;
}
