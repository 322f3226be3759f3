/**
 * The editor's schema, checked through yaml-language-server 1.23.0, the very language service
 * monaco-yaml 5.5 bundles in its worker: markers, hover text and completion items as the reader
 * gets them, on the real API docs generated at install time.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SCHEMA as EXPLAIN } from 'podsim/explain-schema';
import { coursePages } from '../../../../../tests/docs/page-blocks.ts';
import { EDITOR_KINDS, editorSchema } from './editor-schema.ts';

interface Position {
  line: number;
  character: number;
}
interface LanguageService {
  configure(settings: unknown): void;
  doValidation(doc: TextDocument, isKubernetes: boolean): Promise<{ message: string; range: { start: Position } }[]>;
  doHover(doc: TextDocument, at: Position): Promise<{ contents: { value: string } } | null>;
  doComplete(doc: TextDocument, at: Position, isKubernetes: boolean): Promise<{ items: { label: string; documentation?: unknown }[] }>;
}

const { getLanguageService } = createRequire(import.meta.url)('yaml-language-server/out/server/src/languageservice/yamlLanguageService.js') as {
  getLanguageService(params: unknown): LanguageService;
};

const schema = editorSchema(EXPLAIN);
const service = getLanguageService({ schemaRequestService: () => Promise.resolve(''), workspaceContext: { resolveRelativePath: (p: string) => p } });
service.configure({ validate: true, hover: true, completion: true, schemas: [{ uri: 'inmemory://podlab/kubernetes.schema.json', fileMatch: ['*'], schema }] });

// The service caches parsed documents by URI and version: each text gets a URI of its own.
let docs = 0;
const docOf = (text: string) => TextDocument.create(`file:///home/learner/manifest-${++docs}.yaml`, 'yaml', 1, text);

async function markers(text: string): Promise<string[]> {
  const found = await service.doValidation(docOf(text), false);
  return found.sort((a, b) => a.range.start.line - b.range.start.line).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** The position of the first `|` in the text, which is removed. */
function at(text: string): { doc: TextDocument; pos: Position } {
  const offset = text.indexOf('|');
  const doc = docOf(text.slice(0, offset) + text.slice(offset + 1));
  return { doc, pos: doc.positionAt(offset) };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('editor schema', () => {
  it('has a definition per kind, only for types reachable from them', () => {
    const definitions = schema.definitions as Record<string, { additionalProperties?: unknown }>;
    for (const kind of EDITOR_KINDS) expect(definitions[kind]).toBeDefined();
    expect(definitions.Node).toBeUndefined();
    expect(definitions.PodStatus).toBeUndefined();
    expect(definitions.Probe.additionalProperties).toBe(false);
  });

  it('accepts every manifest of the course', async () => {
    for (const page of coursePages()) {
      for (const [file, text] of Object.entries(page.files)) expect(await markers(text), `${page.slug}: ${file}`).toEqual([]);
    }
  });

  it('marks unknown fields, wrong types and values outside an enum', async () => {
    const text = POD.replace('spec:\n', 'spec:\n  bogusField: 1\n') + '    imagePullPolicy: Sometimes\n    ports:\n    - containerPort: http\n';
    expect(await markers(text)).toEqual([
      '6: Property bogusField is not allowed.',
      '10: Value is not accepted. Valid values: "Always", "IfNotPresent", "Never".',
      '12: Incorrect type. Expected "integer".',
    ]);
  });

  it('selects the schema by kind in each document of a multi-document file, and checks its apiVersion', async () => {
    const text = `${POD}---
apiVersion: v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: two
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
spec:
  replicas: 1
`;
    expect(await markers(text)).toEqual([
      '10: Value is not accepted. Valid values: "apps/v1".',
      '15: Incorrect type. Expected "integer".',
      '31: Property replicas is not allowed.',
    ]);
  });

  it('marks a kind the simulator does not serve', async () => {
    expect(await markers(POD.replace('kind: Pod', 'kind: Job'))).toEqual([expect.stringMatching(/^2: Value is not accepted\. Valid values: "Pod", "Deployment"/)]);
  });

  it('shows the API description of a field on hover', async () => {
    const { doc, pos } = at(POD + '    livenessProbe:\n      initial|DelaySeconds: 5\n');
    const hover = await service.doHover(doc, pos);
    expect(hover?.contents.value).toContain('Number of seconds after the container has started before liveness probes are initiated.');
    const onObject = at(POD + '    liveness|Probe:\n      initialDelaySeconds: 5\n');
    expect((await service.doHover(onObject.doc, onObject.pos))?.contents.value).toContain('Periodic probe of container liveness.');
  });

  it('completes field names with their descriptions, and enum values', async () => {
    const fields = at(POD + '    readi|');
    const items = (await service.doComplete(fields.doc, fields.pos, false)).items;
    const readiness = items.find((i) => i.label === 'readinessProbe');
    expect(JSON.stringify(readiness?.documentation)).toContain('Periodic probe of container service readiness.');
    const values = at(POD + '    imagePullPolicy: |');
    expect((await service.doComplete(values.doc, values.pos, false)).items.map((i) => i.label)).toEqual(expect.arrayContaining(['Always', 'IfNotPresent', 'Never']));
  });
});
