/**
 * Records what the real kubectl v1.32 prints for each command of `cases.txt` when its kubeconfig names
 * a server that refuses every connection, into `expected.json`. A command whose error came from trying
 * the server (`The connection to the server … was refused`) has no client-side error, so the generator
 * fails on it: every recorded error is kubectl's own. Some commands first try API discovery (klog
 * `memcache.go` lines, dropped from the text) and still fail on the flags; those are marked
 * `discovery: true`: the simulator's discovery is static data, so for it these fail before any request too.
 *
 *   npx tsx packages/podsim/test/kubectl-validation/generate.ts [/path/to/kubectl-1.32]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCases } from './cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const home = mkdtempSync(join(tmpdir(), 'kubectl-validation-'));
// Messages quote argv[0] (`'kubectl get resource/<name>'`), so the binary runs under the name kubectl.
symlinkSync(binary, join(home, 'kubectl'));
writeFileSync(
  join(home, 'kubeconfig'),
  'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "https://127.0.0.1:1"}\n  name: c\ncontexts:\n- context: {cluster: c, user: u, namespace: default}\n  name: x\ncurrent-context: x\nusers:\n- name: u\n  user: {token: t}\n',
);
const version = spawnSync(join(home, 'kubectl'), ['version', '--client'], { encoding: 'utf8' }).stdout.split('\n')[0];
const cases = parseCases(readFileSync(join(here, 'cases.txt'), 'utf8')).map((args) => {
  const r = spawnSync(join(home, 'kubectl'), args, { cwd: home, encoding: 'utf8', input: '', env: { PATH: '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'kubeconfig'), KUBECACHEDIR: join(home, 'cache') } });
  const klog = /^E\d{4} [\d:.]+ +\d+ memcache\.go:\d+\] .*\n/gm;
  const stderr = r.stderr.replace(klog, '');
  if (/connection to the server|Unable to connect|dial tcp/.test(stderr)) throw new Error(`kubectl ${args.join(' ')} failed on the server:\n${r.stderr}`);
  return { args, code: r.status, stdout: r.stdout, stderr, ...(stderr !== r.stderr ? { discovery: true } : {}) };
});
// One case per line, so a regenerated file diffs case by case.
const body = cases.map((c) => `  ${JSON.stringify(c)}`).join(',\n');
writeFileSync(join(here, 'expected.json'), `{\n "source": ${JSON.stringify(`${version} (${binary}), server unreachable`)},\n "cases": [\n${body}\n ]\n}\n`);
console.log(`${cases.length} cases recorded from ${version}`);
