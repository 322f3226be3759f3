/** kustomize as kubectl embeds it (`-k`, `kubectl kustomize`): a chunk of its own in the site's worker (lazy/part.ts). */
import { runKustomize } from './run.js';

export default { runKustomize };
