/**
 * Loads Monaco with only what the sandbox uses (YAML, hover, completion, markers, find, folding)
 * and wires monaco-yaml with the Kubernetes schema. Workers are bundled by Vite (`?worker`).
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
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { KUBERNETES_SCHEMA } from './kubernetes-schema.ts';
import { withLegacyCreateWebWorker } from './legacy-web-worker.ts';

export type Monaco = typeof monaco;

let loaded: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loaded ??= Promise.resolve().then(() => {
    self.MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
    };
    configureMonacoYaml(withLegacyCreateWebWorker(monaco), {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      schemas: [{ uri: 'inmemory://podlab/kubernetes.schema.json', fileMatch: ['**/*.yaml', '**/*.yml', '*'], schema: KUBERNETES_SCHEMA as never }],
    });
    return monaco;
  });
  return loaded;
}
