/**
 * Generates src/kubectl/verbs/config/cases/kubectl-1.32.json: the real kubectl 1.32's output for each
 * line of cases/steps.txt, run in order by bash in a fresh directory (HOME there, no KUBECONFIG), the
 * way the docs' configure-access-multiple-clusters page edits a kubeconfig file.
 * Run: npx tsx packages/podsim/scripts/gen-config-cases.ts [path-to-kubectl]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/kubectl/verbs/config/cases');
const kubectl = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const steps = readFileSync(join(dir, 'steps.txt'), 'utf8').split('\n').filter(Boolean);
const work = mkdtempSync(join(tmpdir(), 'config-cases-'));
const cases = steps.map((command) => {
  const r = spawnSync('bash', ['-c', `kubectl() { ${kubectl} "$@"; }; ${command} 2>&1`], { cwd: work, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: work } });
  return { command, output: r.stdout, code: r.status };
});
rmSync(work, { recursive: true, force: true });
const version = JSON.parse(spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }).stdout).clientVersion.gitVersion;
writeFileSync(join(dir, 'kubectl-1.32.json'), `${JSON.stringify({ source: { kubectl: version, run: 'bash -c STEP 2>&1, in order, in a fresh directory' }, cases }, null, 1)}\n`);
console.log(`${cases.length} steps`);
