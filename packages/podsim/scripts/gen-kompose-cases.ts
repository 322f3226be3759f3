/**
 * Generates src/host/programs/kompose/kompose-cases.generated.json: kompose's own end-to-end tests
 * (script/test/cmd/tests.sh at the release the docs install) as data. Each Kubernetes-provider case is
 * the command line, the fixture folder's text files it reads, and what the test expects: the stdout it
 * compares with `dyff between` (the fixture kompose wrote) or a warning it greps for on stderr.
 *
 * Usage: npx tsx packages/podsim/scripts/gen-kompose-cases.ts [path to a kubernetes/kompose clone] [tag]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = process.argv[2] ?? '/work/.mirror/kubernetes+kompose/repo';
const tag = process.argv[3] ?? 'v1.34.0';
const ROOT = '/kompose';

const show = (path: string) => execFileSync('git', ['-C', repo, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
const ls = (dir: string) => execFileSync('git', ['-C', repo, 'ls-tree', '-r', '--name-only', tag, dir], { encoding: 'utf8' }).split('\n').filter(Boolean);

export interface KomposeCase {
  /** The test's command line, with the repository at /kompose. */
  command: string;
  env?: Record<string, string>;
  /** The fixture files under /kompose: path and text. */
  files: [string, string][];
  /** The YAML stdout the test compares (kompose's own output, as the fixture stores it). */
  stdout?: string;
  /** A warning the test greps stderr for. */
  warning?: string;
}

const vars: Record<string, string> = { KOMPOSE_ROOT: ROOT };
const expand = (s: string) => s.replace(/\$\{?(\w+)\}?/g, (m, n: string) => vars[n] ?? m);
const cases: KomposeCase[] = [];
const script = show('script/test/cmd/tests.sh');

function fixtureFiles(command: string, env: string): [string, string][] {
  const files: Record<string, string> = {};
  for (const m of `${command} ${env}`.matchAll(/(?:\/kompose\/|\.\/)(script\/test\/fixtures\/[\w./-]+)/g)) {
    const dir = dirname(m[1]);
    for (const path of ls(dir)) {
      if (/\.(tar|png|jpg|gz)$/.test(path)) continue;
      const text = show(path);
      if (text.includes('\0')) continue;
      files[path] = text;
    }
  }
  return Object.entries(files);
}

for (const raw of script.split('\n')) {
  const line = raw.trim();
  if (line.startsWith('#')) continue;
  const assign = /^(?:export\s+)?(\w+)="([^"]*)"/.exec(line);
  if (assign) {
    vars[assign[1]] = expand(assign[2]);
    continue;
  }
  const call = /^convert::(expect_success|expect_success_and_warning|expect_warning)\s+"(\$\w+)"(?:\s+"([^"]*)")?(?:\s+"([^"]*)")?/.exec(line);
  if (!call) continue;
  const command = expand(call[2]);
  if (/--provider[= ]openshift/.test(command) || !command.startsWith('kompose')) continue;
  const env = vars.COMPOSE_FILE && !/\s-f\s/.test(command) ? { COMPOSE_FILE: vars.COMPOSE_FILE } : undefined;
  const c: KomposeCase = { command, env, files: fixtureFiles(command, env?.COMPOSE_FILE ?? '') };
  if (call[1] === 'expect_warning') c.warning = expand(call[3] ?? '');
  else {
    const out = expand(call[3] ?? '');
    c.stdout = show(out.replace(`${ROOT}/`, ''));
    if (call[1] === 'expect_success_and_warning' && call[4]) c.warning = expand(call[4]);
  }
  cases.push(c);
}

const target = join(dirname(fileURLToPath(import.meta.url)), '../src/host/programs/kompose/kompose-cases.generated.json');
writeFileSync(target, JSON.stringify({ source: `kubernetes/kompose ${tag} script/test/cmd/tests.sh`, cases }, null, 1) + '\n');
console.log(`kompose cases: ${cases.length} (kubernetes/kompose ${tag})`);
