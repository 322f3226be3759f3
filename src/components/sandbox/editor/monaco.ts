/**
 * Loads Monaco with only what the sandbox uses (YAML, hover, completion, markers, find, folding)
 * and wires monaco-yaml with the Kubernetes schema generated from the API docs (schema/), a chunk
 * of its own loaded alongside Monaco. Workers are bundled by Vite (`?worker`). Formatting is not
 * offered: the YAML worker is built without prettier (astro.config.mjs, editor/no-prettier.ts).
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { withLegacyCreateWebWorker } from './legacy-web-worker.ts';

export type Monaco = typeof monaco;

let loaded: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loaded ??= import('./schema/kubernetes.schema.generated.json').then(({ default: schema }) => {
    self.MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
    };
    configureMonacoYaml(withLegacyCreateWebWorker(monaco), {
      enableSchemaRequest: false,
      format: { enable: false },
      hover: true,
      completion: true,
      validate: true,
      schemas: [{ uri: 'inmemory://podlab/kubernetes.schema.json', fileMatch: ['**/*.yaml', '**/*.yml', '*'], schema: schema as never }],
    });
    return monaco;
  });
  return loaded;
}
