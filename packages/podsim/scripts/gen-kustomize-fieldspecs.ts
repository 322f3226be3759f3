/**
 * Generates src/kubectl/kustomize/fieldspecs.generated.json: the default field specs of kustomize
 * v5.5.0 (the one kubectl 1.32 embeds), i.e. which paths of which kinds its builtin transformers touch
 * (name prefix/suffix, labels, annotations, namespace, name references, images, replicas). They are
 * YAML inside Go string constants of api/internal/konfig/builtinpluginconsts; this reads them from a
 * kubernetes-sigs/kustomize clone at tag api/v0.18.0.
 * Run: npx tsx packages/podsim/scripts/gen-kustomize-fieldspecs.ts <kustomize git dir>
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = process.argv[2];
if (!repo) throw new Error('usage: gen-kustomize-fieldspecs.ts <kustomize git dir>');
const TAG = 'api/v0.18.0';
const DIR = 'api/internal/konfig/builtinpluginconsts';
const git = (...args: string[]) => execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

// Every `name = \`...\`` or `const name = \`...\` + other` of the package, concatenations resolved.
const raw = new Map<string, { text: string; tail: string[] }>();
for (const file of git('ls-tree', '--name-only', `${TAG}:${DIR}`).split('\n').filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))) {
  const src = git('show', `${TAG}:${DIR}/${file}`);
  for (const m of src.matchAll(/(\w+)\s*=\s*`([^`]*)`((?:\s*\+\s*\w+)*)/g)) {
    raw.set(m[1], { text: m[2], tail: [...m[3].matchAll(/\w+/g)].map((t) => t[0]) });
  }
}
const resolve = (name: string): string => {
  const c = raw.get(name);
  if (!c) throw new Error(`constant ${name} not found`);
  return c.text + c.tail.map(resolve).join('');
};
const doc: Record<string, unknown> = {};
for (const name of ['namePrefixFieldSpecs', 'nameSuffixFieldSpecs', 'commonLabelFieldSpecs', 'templateLabelFieldSpecs', 'commonAnnotationFieldSpecs', 'namespaceFieldSpecs', 'nameReferenceFieldSpecs', 'imagesFieldSpecs', 'replicasFieldSpecs']) {
  Object.assign(doc, parse(resolve(name)));
}
const commit = git('rev-list', '-n1', TAG).trim();
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/kubectl/kustomize/fieldspecs.generated.json');
writeFileSync(out, `${JSON.stringify({ source: { repository: 'kubernetes-sigs/kustomize', tag: TAG, commit, dir: DIR }, ...doc }, null, 1)}\n`);
console.log(Object.keys(doc).join(' '));
