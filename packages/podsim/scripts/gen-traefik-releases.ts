/**
 * Builds src/images/traefik-releases.generated.json, what `traefik version` prints per release, from a
 * traefik/traefik clone (bare works): for every final v2/v3 tag, the release codename and the Go
 * release its CI built with (.go-version, release.yaml, .semaphore/semaphore.yml, .semaphoreci/vars,
 * .travis.yml, build.Dockerfile at the tag; where only a Go minor is named, CI installed that minor's
 * newest patch of the day, read from golang/website's release history when its clone is given), and the tag's commit time in UTC (the release build starts from it minutes later).
 * Run: `npx tsx packages/podsim/scripts/gen-traefik-releases.ts <traefik clone> [<golang/website clone>]`
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/images/traefik-releases.generated.json');
const [clone, goWebsite] = process.argv.slice(2);
if (!clone) throw new Error('usage: gen-traefik-releases.ts <traefik clone> [<golang/website clone>]');
const gitIn = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const git = (...args: string[]) => gitIn(clone, ...args);

/** Go releases with their dates (internal/history/release.go): `1.22.5` → `2024-07-02`. */
const GO_RELEASES: [version: string, date: string][] = goWebsite
  ? [...gitIn(goWebsite, 'show', 'HEAD:internal/history/release.go').matchAll(/Date: Date\{(\d+), (\d+), (\d+)\}, Version: Version\{(\d+), (\d+)(?:, (\d+))?\}/g)].map((m) => [
      // before Go 1.21 a minor's first release drops its `.0` (history.go Version.String)
      Number(m[5]) < 21 && (m[6] ?? '0') === '0' ? `${m[4]}.${m[5]}` : `${m[4]}.${m[5]}.${m[6] ?? 0}`,
      `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`,
    ])
  : [];

/** The newest patch of a Go minor released before `day` (releases land late in the day, after most builds); the minor itself when the history says nothing. */
function goOn(minor: string, day: string): string {
  let best: [string, string] | undefined;
  for (const [v, d] of GO_RELEASES) {
    if ((v === minor || v.startsWith(`${minor}.`)) && d < day && (!best || d > best[1])) best = [v, d];
  }
  return best?.[0] ?? minor;
}
const show = (tag: string, path: string) => {
  try {
    return git('show', `${tag}:${path}`);
  } catch {
    return '';
  }
};
const CI_FILES = ['.go-version', '.github/workflows/release.yaml', '.semaphore/semaphore.yml', '.semaphoreci/vars', '.travis.yml', 'build.Dockerfile'];

function releaseFacts(tag: string): { codename?: string; go?: string } {
  const text = CI_FILES.map((f) => show(tag, f)).join('\n');
  const codename = /CODENAME(?::\s*|=|\n\s*value:\s*)"?([a-z]+)"?/.exec(text)?.[1];
  const go = /^(\d+\.\d+(?:\.\d+)?)\n/.exec(text)?.[1] ?? /GO_VERSION:\s*'?(\d+\.\d+)/.exec(text)?.[1] ?? /semgo go(\d+\.\d+)/.exec(text)?.[1] ?? /sem-version go (\d+\.\d+)/.exec(text)?.[1] ?? /FROM golang:(\d+\.\d+)/.exec(text)?.[1];
  return { codename, go };
}

const tags = git('tag', '--list', 'v[23].*')
  .split('\n')
  .filter((t) => /^v[23]\.\d+\.\d+$/.test(t));
const codenames: Record<string, string> = {};
const releases: Record<string, [built: string, go: string]> = {};
for (const tag of tags) {
  const version = tag.slice(1);
  const minor = version.split('.').slice(0, 2).join('.');
  const facts = releaseFacts(tag);
  if (!facts.codename || !facts.go) throw new Error(`${tag}: no codename or Go version in its CI files`);
  codenames[minor] = facts.codename;
  const built = new Date(git('log', '-1', '--format=%cI', tag).trim()).toISOString().replace('.000Z', 'Z');
  releases[version] = [built, /^\d+\.\d+$/.test(facts.go) ? goOn(facts.go, built.slice(0, 10)) : facts.go];
}
const source = { 'traefik/traefik': git('rev-parse', 'HEAD').trim(), ...(goWebsite ? { 'golang/website': gitIn(goWebsite, 'rev-parse', 'HEAD').trim() } : {}) };
writeFileSync(OUT, `${JSON.stringify({ source, codenames, releases })}\n`);
console.log(`${Object.keys(releases).length} releases of ${Object.keys(codenames).length} minors → ${OUT}`);
