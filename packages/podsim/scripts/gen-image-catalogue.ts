/**
 * Builds the registry's tag catalogue (src/images/catalogue/tags.generated.json) from real sources
 * listed in scripts/image-catalogue-sources.json:
 *  - every tag that ever appeared in `library/<name>` of a docker-library/official-images clone, over
 *    its whole git history (the RFC 2822 `Tags:`/`SharedTags:` lines and the 2014–2016 `tag: url@commit` lines);
 *  - image references under the Kubernetes registries in a kubernetes/website clone (content/en);
 *  - the release lists of the Kubernetes test and sample images (in the source list, `A..B` spans one number);
 *  - registry.k8s.io's promoter manifests (`registry.k8s.io/images/<staging>/images.yaml` of kubernetes/k8s.io),
 *    every promoted image with all its tags;
 *  - Kubernetes' release tags (a kubernetes/kubernetes clone's `vX.Y.Z`, or a staging repository's
 *    `kubernetes-X.Y.Z` as the publishing bot copies them) for the images every release pushes (kube-apiserver, …).
 * Run: `npx tsx packages/podsim/scripts/gen-image-catalogue.ts <official-images clone> [<website clone>] [--k8s-io <k8s.io checkout>] [--kubernetes <clone>]`
 * (bare clones work: history is read with git; the k8s.io checkout may hold just the manifests named in the source list).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeTags } from '../src/images/catalogue/codec.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../src/images/catalogue/tags.generated.json');
const SOURCES = JSON.parse(readFileSync(resolve(here, 'image-catalogue-sources.json'), 'utf8')) as {
  officialImages: string[];
  docsPrefixes: string[];
  docsExclude: string;
  releases: Record<string, string[]>;
  promoterManifests: Record<string, string>;
  kubernetesReleases: { images: string[] };
};

const TAG = /^[\w][\w.-]{0,127}$/;
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

/** Tags added anywhere in the history of one library file. */
function historicalTags(clone: string, name: string): string[] {
  const tags = new Set<string>();
  for (const line of git(clone, 'log', '-p', '--no-color', '--format=', 'HEAD', '--', `library/${name}`).split('\n')) {
    if (!line.startsWith('+') || line.startsWith('+++')) continue;
    const body = line.slice(1);
    const listed = /^(?:Shared)?Tags:(.*)$/.exec(body);
    const old = /^([\w][\w.-]*):\s*(?:git|https?):\/\//.exec(body);
    const found = listed ? listed[1].split(',') : old ? [old[1]] : [];
    for (const t of found.map((s) => s.trim())) if (TAG.test(t)) tags.add(t);
  }
  return [...tags];
}

/** `registry.k8s.io/x:tag` references in the English docs (untagged ones mean `latest`). */
function docsReferences(clone: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const pattern = '(registry\\.k8s\\.io|k8s\\.gcr\\.io|gcr\\.io|us-docker\\.pkg\\.dev)/[A-Za-z0-9._/-]+(:[A-Za-z0-9_][A-Za-z0-9._-]*)?';
  const texts = ['md', 'yaml', 'yml', 'json', 'html'].map((ext) => `:(glob)content/en/**/*.${ext}`);
  const blob = git(clone, 'grep', '-h', '-I', '-E', '-o', pattern, 'HEAD', '--', ...texts);
  const ref = /^((?:registry\.k8s\.io|k8s\.gcr\.io|gcr\.io|us-docker\.pkg\.dev)\/[a-z0-9][a-z0-9._/-]*[a-z0-9])(?::([\w][\w.-]{0,127}))?$/gm;
  for (const m of blob.matchAll(ref)) {
    const repo = m[1];
    if (!SOURCES.docsPrefixes.some((p) => repo.startsWith(p)) || new RegExp(SOURCES.docsExclude).test(repo)) continue;
    const set = out.get(repo) ?? new Set<string>();
    set.add(m[2] ?? 'latest');
    out.set(repo, set);
  }
  return out;
}

/**
 * `name → tags` of one promoter manifest: a list of `- name: IMAGE` entries whose `dmap` maps each
 * digest to the tags it carries (`"sha256:…": ["3.10", "latest"]`); comments and digests are skipped.
 */
function promotedTags(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let image: string[] | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const name = /^- name:\s*(\S+)/.exec(line);
    if (name) out.set(name[1], (image = out.get(name[1]) ?? []));
    const tags = /^\s+"sha256:[^"]*":\s*\[(.*)\]/.exec(line);
    if (tags && image) image.push(...[...tags[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((t) => TAG.test(t)));
  }
  return out;
}

/** The release tags of Kubernetes itself, `v1.Y.Z` (pre-releases left out; a staging repository's own `v0.Y.Z` are its library's). */
function kubernetesReleaseTags(clone: string): string[] {
  const tags = new Set<string>();
  for (const name of git(clone, 'tag', '--list').split('\n')) {
    const m = /^(?:v|kubernetes-)(1\.\d+\.\d+)$/.exec(name.trim());
    if (m) tags.add(`v${m[1]}`);
  }
  return [...tags];
}

/** `2.10..2.56` → 2.10, 2.11, …, 2.56 (the two ends differ in one number). */
function expand(spec: string): string[] {
  const [from, to] = spec.split('..');
  if (to === undefined) return [from];
  const a = from.split(/(\d+)/);
  const b = to.split(/(\d+)/);
  const at = a.findIndex((part, i) => part !== b[i]);
  const out: string[] = [];
  for (let n = Number(a[at]); n <= Number(b[at]); n++) out.push([...a.slice(0, at), String(n), ...a.slice(at + 1)].join(''));
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const k8sIo = option('--k8s-io');
  const kubernetes = option('--kubernetes');
  const [officialClone, websiteClone] = args;
  if (!officialClone) throw new Error('usage: gen-image-catalogue.ts <official-images clone> [<kubernetes/website clone>] [--k8s-io <k8s.io checkout>] [--kubernetes <clone>]');
  const repos: Record<string, Set<string>> = {};
  const add = (repo: string, tags: Iterable<string>) => {
    const set = (repos[repo] ??= new Set());
    for (const t of tags) set.add(t);
  };
  for (const name of SOURCES.officialImages) add(`docker.io/library/${name}`, historicalTags(officialClone, name));
  const sources: Record<string, string> = { 'docker-library/official-images': git(officialClone, 'rev-parse', 'HEAD').trim() };
  if (websiteClone) {
    for (const [repo, tags] of docsReferences(websiteClone)) add(repo, tags);
    sources['kubernetes/website'] = git(websiteClone, 'rev-parse', 'HEAD').trim();
  }
  for (const [repo, specs] of Object.entries(SOURCES.releases)) add(repo, specs.flatMap(expand));
  if (k8sIo) {
    for (const [staging, prefix] of Object.entries(SOURCES.promoterManifests)) {
      if (staging.startsWith('$')) continue;
      for (const [name, tags] of promotedTags(resolve(k8sIo, 'registry.k8s.io/images', staging, 'images.yaml'))) add(prefix + name, tags);
    }
    sources['kubernetes/k8s.io'] = 'registry.k8s.io/images/*/images.yaml at the commits scripts/image-catalogue-sources.json "verified" names';
  }
  if (kubernetes) {
    // The release tags are the whole list: the docs name these images with templated or no tags.
    const tags = kubernetesReleaseTags(kubernetes);
    for (const repo of SOURCES.kubernetesReleases.images) repos[repo] = new Set(tags);
    sources['kubernetes release tags'] = `the clone at ${git(kubernetes, 'rev-parse', 'HEAD').trim()} (scripts/image-catalogue-sources.json "verified" names it)`;
  }
  const encoded = Object.fromEntries(
    Object.keys(repos)
      .sort()
      .map((repo) => [repo, encodeTags([...repos[repo]])]),
  );
  writeFileSync(OUT, `${JSON.stringify({ sources, repos: encoded }, null, 0)}\n`);
  const total = Object.values(repos).reduce((n, s) => n + s.size, 0);
  console.log(`${Object.keys(repos).length} repositories, ${total} tags → ${OUT}`);
}

main();
