/**
 * Builds src/images/runtime-releases.generated.json, the dates the language runtimes print about
 * themselves: `ruby -v`'s release date per Ruby version (ruby/www.ruby-lang.org _data/releases.yml),
 * `php -v`'s build time per PHP version, taken as the time docker-library/official-images first
 * listed that version in library/php (the official image is built from that commit; the compile inside
 * the build runs shortly after, at a time no repository records), and the year the mysql client's
 * copyright line ends with (the release's year: official-images lists a MySQL release within days).
 * Run: `npx tsx packages/podsim/scripts/gen-runtime-releases.ts <www.ruby-lang.org clone> <official-images clone>`
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/images/runtime-releases.generated.json');
const [rubySite, officialImages] = process.argv.slice(2);
if (!rubySite || !officialImages) throw new Error('usage: gen-runtime-releases.ts <www.ruby-lang.org clone> <official-images clone>');
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

const ruby: Record<string, string> = {};
let version: string | undefined;
for (const line of git(rubySite, 'show', 'HEAD:_data/releases.yml').split('\n')) {
  const v = /^- version:\s*(\S+)/.exec(line);
  if (v) version = v[1];
  const d = /^\s+date:\s*(\d{4}-\d\d-\d\d)/.exec(line);
  if (d && version && /^\d+\.\d+\.\d+$/.test(version)) ruby[version] = d[1];
}

/** `Dec 19 2024 19:00:00`, as PHP's `__DATE__ __TIME__` read. */
const cDate = (iso: string) => {
  const t = new Date(iso);
  const mon = t.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${mon} ${String(t.getUTCDate()).padStart(2, ' ')} ${t.getUTCFullYear()} ${t.toISOString().slice(11, 19)}`;
};
/** Version → the commit time official-images first listed it under library/<name>. */
function firstListed(name: string): Record<string, string> {
  const out: Record<string, string> = {};
  let when = '';
  for (const line of git(officialImages, 'log', '--reverse', '-p', '--no-color', '--format=commit-time %cI', 'HEAD', '--', `library/${name}`).split('\n')) {
    if (line.startsWith('commit-time ')) when = line.slice(12);
    const tags = /^\+(?:Shared)?Tags:(.*)$/.exec(line);
    for (const t of tags ? tags[1].split(',').map((s) => s.trim()) : []) if (/^\d+\.\d+\.\d+$/.test(t) && !out[t]) out[t] = when;
  }
  return out;
}
const php = Object.fromEntries(Object.entries(firstListed('php')).map(([v, when]) => [v, cDate(when)]));
const mysql = Object.fromEntries(Object.entries(firstListed('mysql')).map(([v, when]) => [v, when.slice(0, 4)]));
const source = { 'ruby/www.ruby-lang.org': git(rubySite, 'rev-parse', 'HEAD').trim(), 'docker-library/official-images': git(officialImages, 'rev-parse', 'HEAD').trim() };
writeFileSync(OUT, `${JSON.stringify({ source, ruby, php, mysql })}\n`);
console.log(`${Object.keys(ruby).length} Ruby releases, ${Object.keys(php).length} PHP builds, ${Object.keys(mysql).length} MySQL releases → ${OUT}`);
