/**
 * The page's simulator worker: one cluster per page. The only module that imports podsim (and,
 * with the page's worker-client, comlink). The page first calls `start` with the page's files,
 * or with a saved state to rebuild, and gets the SandboxApi back as a comlink proxy.
 */
import * as Comlink from 'comlink';
import { createSandbox, restoreSandbox, type SandboxApi, type SandboxOptions, type SavedState } from 'podsim';
import { explainSchemaLoader } from './explain-schema-loader.ts';

export interface SandboxStarter {
  start(init: { options: SandboxOptions; saved?: SavedState }): Promise<SandboxApi>;
}

const explainSchema = explainSchemaLoader();

const starter: SandboxStarter = {
  async start({ options, saved }) {
    if (saved) {
      // Replaying the saved inputs may run `kubectl explain`, synchronously. (Without the schema,
      // if its chunk failed to load, explain errors but the rest of the state is rebuilt.)
      await explainSchema.load().catch(() => undefined);
      return Comlink.proxy(restoreSandbox(saved));
    }
    // Add-ons are created from their YAML manifests as the cluster boots, and the YAML parser is a lazy part.
    if (options.addons?.length) await explainSchema.load();
    const sandbox = createSandbox(options);
    // The prompt shows at once; input waits for the schema, which arrives long before anyone types.
    return Comlink.proxy(explainSchema.gate(sandbox));
  },
};

Comlink.expose(starter);
