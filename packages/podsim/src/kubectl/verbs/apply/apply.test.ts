import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, realKubectl } from '../../real-kubectl.js';
import { hostWithServer } from '../../testing.js';
import { withRealKubectl } from '../../../../test/support/real-kubectl.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-world-pod\nspec:\n  containers:\n  - name: hello-world\n    image: gcr.io/google-samples/hello-app:1.0\n    ports:\n    - containerPort: 80\n';
const TWO = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n  restartPolicy: OnFailure\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: c\n    image: nginx\n  restartPolicy: Never\n';

/** Broken manifests whose errors kubectl reports before talking to a server. */
const BROKEN: Record<string, string> = {
  'bad-indent.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n   image: nginx\n',
  'colon.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx: latest\n',
  'tab.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n\tcontainers:\n  - name: a\n',
  'dash.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      image: nginx\n     ports: []\n',
  'flow.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n',
  'nocolon.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image nginx\n    ports: []\n',
  'quote.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n',
  'outdent.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n',
  'seq.yaml': 'apiVersion: v1\nkind: Pod\n- a\n',
  'nokind.yaml': 'metadata:\n  name: x\n',
  'noapi.yaml': 'kind: Pod\nmetadata:\n  name: x\n',
  'scalar.yaml': 'hello\n',
  'trunc.json': '{"apiVersion": "v1", "kind": "Pod",\n "metadata": {"name": "x"}\n',
  'empty.yaml': '',
};

describe('kubectl apply', () => {
  it('creates, reports unchanged, configures with a patch, and keeps the last-applied annotation', () => {
    const { host, api } = hostWithServer({ 'pod.yaml': POD, 'pod2.yaml': POD.replace('hello-app:1.0', 'hello-app:2.0') });
    expect(host.run(['apply', '-f', 'pod.yaml'])).toEqual({ code: 0, stdout: 'pod/hello-world-pod created\n', stderr: '' });
    const live = api.get('pods', 'default', 'hello-world-pod');
    expect(live.ok && live.value.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"hello-world-pod","namespace":"default"},"spec":{"containers":[{"image":"gcr.io/google-samples/hello-app:1.0","name":"hello-world","ports":[{"containerPort":80}]}]}}\n',
    );
    expect(host.run(['apply', '-f', 'pod.yaml'])).toEqual({ code: 0, stdout: 'pod/hello-world-pod unchanged\n', stderr: '' });
    const r = host.run(['apply', '-f', 'pod2.yaml']);
    expect(r.stdout + r.stderr).toBe('pod/hello-world-pod configured\n');
    const after = api.get('pods', 'default', 'hello-world-pod');
    expect(after.ok && (after.value.spec as { containers: { image: string }[] }).containers[0].image).toBe('gcr.io/google-samples/hello-app:2.0');
  });

  it('applies every document of a multi-document file and directories', () => {
    const { host } = hostWithServer({ 'pods.yaml': TWO, 'dir/one.yaml': POD, 'dir/notes.txt': 'x' });
    expect(host.run(['apply', '-f', 'pods.yaml']).stdout).toBe('pod/a created\npod/b created\n');
    expect(host.run(['apply', '-f', 'dir']).stdout).toBe('pod/hello-world-pod created\n');
    expect(host.run(['apply', '-f', '-'], { stdin: POD }).stdout).toBe('pod/hello-world-pod unchanged\n');
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } }] };
    expect(host.run(['apply', '-f', '-'], { stdin: JSON.stringify(list) }).stdout).toBe('configmap/x created\nconfigmap/y created\n');
  });

  it('warns when the annotation is missing and patches it in', () => {
    const { host } = hostWithServer({ 'pod.yaml': POD });
    expect(host.run(['create', '-f', 'pod.yaml']).stdout).toBe('pod/hello-world-pod created\n');
    const r = host.run(['apply', '-f', 'pod.yaml']);
    expect(r.stderr).toBe(
      'Warning: resource pods/hello-world-pod is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).toBe('pod/hello-world-pod configured\n');
  });

  it('words client-side errors like kubectl', () => {
    const { host } = hostWithServer({ ...BROKEN, 'podd.yaml': POD.replace('kind: Pod', 'kind: Podd') });
    expect(host.run(['apply', '-f', 'nope.yaml'])).toEqual({ code: 1, stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n' });
    expect(host.run(['apply'])).toEqual({ code: 1, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
    expect(host.run(['apply', '-f', 'bad-indent.yaml']).stderr).toBe('error: error parsing bad-indent.yaml: error converting YAML to JSON: yaml: line 7: did not find expected key\n');
    expect(host.run(['apply', '-f', 'podd.yaml']).stderr).toBe(
      'error: resource mapping not found for name: "hello-world-pod" namespace: "" from "podd.yaml": no matches for kind "Podd" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(host.run(['apply', '-f', 'empty.yaml']).stderr).toBe('error: no objects passed to apply\n');
  });

  it('reports server errors with the file name', () => {
    const bad = POD.replace('    image:', '    imagee:');
    const { host } = hostWithServer({ 'pod.yaml': bad });
    const r = host.run(['apply', '-f', 'pod.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error from server \(BadRequest\): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers\[0\].imagee"\n$/);
  });

  it('never throws on arbitrary manifests and always answers kubectl-style (fuzz)', () => {
    const { host } = hostWithServer();
    const line = fc.oneof(
      fc.constantFrom('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x', 'spec:', '  containers:', '  - name: a', '    image: nginx', '---', '\t', '- a', '{', '"', ': :', 'kind: List', 'items: [1]', 'apiVersion: apps/v1', 'kind: Deployment'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        host.fs.writeFile('/home/learner/f.yaml', lines.join('\n'));
        const r = host.run(['apply', '-f', 'f.yaml'], { maxMs: 1000 });
        if (r.code === undefined) return false;
        if (r.code === 0) return /^((pod|deployment\.apps)\/\S+ (created|configured|unchanged)\n)+$/.test(r.stdout);
        return r.stderr.length > 0 && !r.stderr.includes('internal error');
      }),
      { numRuns: 150 },
    );
  });
});

describe.skipIf(!withRealKubectl('apply: same client-side errors as the real kubectl'))('apply: same client-side errors as the real kubectl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-apply-'));
  for (const [name, text] of Object.entries(BROKEN)) writeFileSync(join(dir, name), text);
  for (const name of Object.keys(BROKEN)) {
    it(name, () => {
      const real = realKubectl(['apply', '-f', name], { cwd: dir });
      const { host } = hostWithServer(BROKEN);
      const mine = host.run(['apply', '-f', name]);
      expect(normalize(mine.stderr)).toBe(normalize(real.stderr));
      expect(mine.code).toBe(real.code);
    });
  }
});
