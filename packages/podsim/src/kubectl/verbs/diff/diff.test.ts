/** `kubectl diff`; expected texts from the real kubectl 1.32 against `podsim serve` (2026-12), its folders' numbers and times masked. */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../host/sandbox.js';
import type { SandboxApi } from '../../../host/sandbox-types.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';

async function run(sb: SandboxApi, line: string): Promise<string> {
  await sb.run(`${line} > out.txt 2>&1; echo rc=$? >> out.txt`);
  return (sb.readFile('out.txt') ?? '')
    .replace(/\/tmp\/(LIVE|MERGED)-\d+\//g, '/tmp/$1-N/')
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000/g, '\tT')
    .replace(/uid: \S+/g, 'uid: U');
}

describe('kubectl diff', () => {
  it('diffs live against merged with diff -u -N, exit 1 on differences and 0 without, 2 on errors', async () => {
    const sb = createSandbox({ seed: 1, files: { 'pod.yaml': POD, 'pod2.yaml': POD.replace('image: nginx', 'image: nginx:1.27') } });
    const created = await run(sb, 'kubectl diff -f pod.yaml');
    expect(created).toMatch(/^diff -u -N \/tmp\/LIVE-N\/v1\.Pod\.default\.web \/tmp\/MERGED-N\/v1\.Pod\.default\.web\n--- \/tmp\/LIVE-N\/v1\.Pod\.default\.web\tT\n\+\+\+ \/tmp\/MERGED-N\/v1\.Pod\.default\.web\tT\n@@ -0,0 \+1,62 @@\n\+apiVersion: v1\n/);
    expect(created.endsWith('+status:\n+  phase: Pending\n+  qosClass: BestEffort\nrc=1\n')).toBe(true);
    await sb.run('kubectl apply -f pod.yaml');
    expect(await run(sb, 'kubectl diff -f pod.yaml')).toBe('rc=0\n');
    expect(await run(sb, 'kubectl diff -f pod2.yaml')).toBe(
      'diff -u -N /tmp/LIVE-N/v1.Pod.default.web /tmp/MERGED-N/v1.Pod.default.web\n--- /tmp/LIVE-N/v1.Pod.default.web\tT\n+++ /tmp/MERGED-N/v1.Pod.default.web\tT\n' +
        '@@ -13,7 +13,7 @@\n   uid: U\n spec:\n   containers:\n-  - image: nginx\n+  - image: nginx:1.27\n     imagePullPolicy: Always\n     name: nginx\n     resources: {}\nrc=1\n',
    );
    expect(await run(sb, 'kubectl diff -f nope.yaml')).toBe('error: the path "nope.yaml" does not exist\nrc=2\n');
    expect(await run(sb, 'kubectl diff')).toBe('error: must specify one of -f and -k\nrc=2\n');
    expect(await run(sb, 'KUBECTL_EXTERNAL_DIFF="diff -q" kubectl diff -f pod2.yaml')).toBe('Files /tmp/LIVE-N/v1.Pod.default.web and /tmp/MERGED-N/v1.Pod.default.web differ\nrc=1\n');
    expect(await run(sb, 'KUBECTL_EXTERNAL_DIFF=nodiff kubectl diff -f pod2.yaml')).toBe('error: failed to run "nodiff": executable file not found in $PATH\nrc=2\n');
    // The temporary folders are gone afterwards.
    expect(await run(sb, 'ls /tmp')).toBe('rc=0\n');
  });
});
