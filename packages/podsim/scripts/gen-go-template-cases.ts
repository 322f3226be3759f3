/**
 * Generates src/kubectl/printers/go-template/cases/kubectl-1.32.json: what the real kubectl 1.32
 * prints for each template in cases/templates.txt (one per line, `⏎` for a newline) applied to
 * cases/object.json with `kubectl label --local -f object.json x=y -o go-template=TEMPLATE`, which runs
 * without a cluster. Run: npx tsx packages/podsim/scripts/gen-go-template-cases.ts [path-to-kubectl]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/kubectl/printers/go-template/cases');
const kubectl = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const templates = readFileSync(join(dir, 'templates.txt'), 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => l.replace(/⏎/g, '\n'));
const version = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const cases = templates.map((template) => {
  const r = spawnSync(kubectl, ['label', '--local', '-f', join(dir, 'object.json'), 'x=y', '-o', `go-template=${template}`], {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', KUBECONFIG: '/nonexistent' },
  });
  return { template, stdout: r.stdout, stderr: r.stderr, code: r.status };
});
const source = { kubectl: JSON.parse(version.stdout).clientVersion.gitVersion, command: 'kubectl label --local -f object.json x=y -o go-template=TEMPLATE' };
writeFileSync(join(dir, 'kubectl-1.32.json'), `${JSON.stringify({ source, cases }, null, 1)}\n`);
console.log(`${cases.length} cases`);
