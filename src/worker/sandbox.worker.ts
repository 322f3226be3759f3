/**
 * The page's simulator worker: one cluster per page. The only module that imports podsim (and,
 * with the page's worker-client, comlink). The page first calls `start` with the page's files,
 * or with a saved state to rebuild, and gets the SandboxApi back as a comlink proxy.
 */
import * as Comlink from 'comlink';
import { createSandbox, restoreSandbox, type SandboxApi, type SandboxOptions, type SavedState } from 'podsim';

export interface SandboxStarter {
  start(init: { options: SandboxOptions; saved?: SavedState }): SandboxApi;
}

const starter: SandboxStarter = {
  start({ options, saved }) {
    const sandbox = saved ? restoreSandbox(saved) : createSandbox(options);
    return Comlink.proxy(sandbox);
  },
};

Comlink.expose(starter);
