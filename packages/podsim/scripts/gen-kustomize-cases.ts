/**
 * Generates src/kubectl/kustomize/cases/kubectl-1.32.json: what the real kubectl 1.32 (kustomize
 * v5.5.0 inside) prints for each case of cases/cases.yaml. Each case's files are written into a fresh
 * temporary directory and the command runs there with no cluster configured; the directory's path in
 * the output is replaced by /home/learner, the sandbox's working directory the test runs ours in.
 * Run: npx tsx packages/podsim/scripts/gen-kustomize-cases.ts [path-to-kubectl]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/kubectl/kustomize/cases');
const kubectl = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const input = parse(readFileSync(join(dir, 'cases.yaml'), 'utf8')) as { name: string; args: string[]; files: Record<string, string> }[];
const env = { PATH: '/usr/bin:/bin', HOME: '/nonexistent', KUBECONFIG: '/nonexistent' };
const version = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8', env });
const cases = input.map((c) => {
  const root = mkdtempSync(join(tmpdir(), 'kz-'));
  for (const [path, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const r = spawnSync(kubectl, c.args, { cwd: root, encoding: 'utf8', env });
  rmSync(root, { recursive: true });
  const local = (s: string) => s.split(root).join('/home/learner');
  return { ...c, stdout: local(r.stdout), stderr: local(r.stderr), code: r.status };
});
const clientVersion = (JSON.parse(version.stdout) as { clientVersion: { gitVersion: string }; kustomizeVersion: string });
const source = { kubectl: clientVersion.clientVersion.gitVersion, kustomize: clientVersion.kustomizeVersion, cwd: '/home/learner (the temporary directory, replaced)' };
writeFileSync(join(dir, 'kubectl-1.32.json'), `${JSON.stringify({ source, cases }, null, 1)}\n`);
console.log(`${cases.length} cases`);
