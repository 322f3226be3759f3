/**
 * The language runtime images (python, node, perl, ruby, php, golang, openjdk, eclipse-temurin)
 * for every published tag: the interpreter at its image path with the tag's version, on the tag's
 * Debian or alpine userland, with the image's CMD. python, node, perl, ruby and php run one-liners
 * (programs/runtimes); the others answer their version commands only.
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { nodeProgram } from '../programs/runtimes/node.js';
import { perlProgram } from '../programs/runtimes/perl.js';
import { pythonProgram } from '../programs/runtimes/python.js';
import { rubyProgram } from '../programs/runtimes/ruby.js';
import { javaPrograms } from '../programs/runtimes/java.js';
import { phpProgram } from '../programs/runtimes/php.js';
import { versionOnly } from '../programs/runtimes/version-only.js';
import { catalogueTags } from './catalogue/catalogue.js';
import releases from './runtime-releases.generated.json';
import { DEFAULT_PATH } from './types.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { baseOf, fullVersion, splitTag } from './families/version.js';
import { alpineBase, debianBase, merge } from './userland.js';

interface Runtime {
  current: string;
  /** Executable paths → program, for the tag's version (and the tag, for builds it names). */
  bins(v: string, tag: string): Record<string, Program>;
  links?: (v: string) => Record<string, string>;
  cmd: (v: string) => string[];
  env: (v: string, tag: string) => Record<string, string>;
  path?: string;
}

/**
 * `ruby -v`'s release date per version (www.ruby-lang.org's release list) and `php -v`'s build time
 * (when the official image first listed the version): scripts/gen-runtime-releases.ts. Ruby's
 * revision hash is the 3.3.6 release's for every version: no source at hand lists the others.
 */
const RUBY_DATES: Record<string, string> = releases.ruby;
const PHP_BUILDS: Record<string, string> = releases.php;

const RUNTIMES: Record<string, Runtime> = {
  python: {
    current: '3.13.1',
    bins: (v) => ({ [`/usr/local/bin/python${v.split('.').slice(0, 2).join('.')}`]: pythonProgram(v) }),
    links: (v) => {
      const minor = `python${v.split('.').slice(0, 2).join('.')}`;
      return { '/usr/local/bin/python3': minor, '/usr/local/bin/python': v.startsWith('2') ? minor : 'python3' };
    },
    cmd: (v) => [v.startsWith('2') ? 'python2' : 'python3'],
    env: (v) => ({ LANG: 'C.UTF-8', PYTHON_VERSION: v }),
  },
  node: { current: '22.12.0', bins: (v) => ({ '/usr/local/bin/node': nodeProgram(v) }), cmd: () => ['node'], env: (v) => ({ NODE_VERSION: v, YARN_VERSION: '1.22.22' }) },
  perl: { current: '5.40.0', bins: (v) => ({ '/usr/local/bin/perl': perlProgram(v) }), links: (v) => ({ [`/usr/local/bin/perl${v}`]: 'perl' }), cmd: (v) => [`perl${v}`, '-de0'], env: () => ({}) },
  ruby: { current: '3.3.6', bins: (v) => ({ '/usr/local/bin/ruby': rubyProgram(v, `ruby ${v} (${RUBY_DATES[v] ?? '2024-11-05'} revision 75015d4c1f)${/^3\.([4-9]|\d\d)|^[4-9]/.test(v) ? ' +PRISM' : ''} [x86_64-linux]`), '/usr/local/bin/irb': versionOnly('irb', ['--version'], `irb 1.13.1 (2024-05-05)`) }), cmd: () => ['irb'], env: (v) => ({ RUBY_VERSION: v, GEM_HOME: '/usr/local/bundle' }) },
  php: { current: '8.4.2', bins: (v) => ({ '/usr/local/bin/php': phpProgram(v, phpBanner(v)) }), cmd: () => ['php', '-a'], env: (v) => ({ PHP_VERSION: v, PHP_INI_DIR: '/usr/local/etc/php' }) },
  golang: { current: '1.23.4', bins: (v) => ({ '/usr/local/go/bin/go': versionOnly('go', ['version'], `go version go${v} linux/amd64`) }), cmd: () => ['bash'], env: (v) => ({ GOLANG_VERSION: v, GOPATH: '/go', GOTOOLCHAIN: 'local' }), path: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` },
  openjdk: { current: '22.0.2', bins: (v) => binaries(javaPrograms('openjdk', v, '11'), '/usr/local/openjdk/bin'), cmd: () => ['jshell'], env: (v) => ({ JAVA_HOME: '/usr/local/openjdk', JAVA_VERSION: v }), path: `/usr/local/openjdk/bin:${DEFAULT_PATH}` },
  'eclipse-temurin': { current: '21.0.5', bins: (v, tag) => binaries(javaPrograms('temurin', ...temurinBuild(v, tag)), '/opt/java/openjdk/bin'), cmd: () => ['jshell'], env: (v, tag) => ({ JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: temurinJavaVersion(...temurinBuild(v, tag)) }), path: `/opt/java/openjdk/bin:${DEFAULT_PATH}` },
};

const binaries = (programs: Record<string, Program>, dir: string) => Object.fromEntries(Object.entries(programs).map(([n, p]) => [`${dir}/${n}`, p]));

/** PHP 8.x runs Zend Engine 4.x (same minor and patch); 7.x its 3.x.0. */
function phpBanner(v: string): string {
  const [major, minor, patch] = v.split('.');
  const zend = major === '8' ? `4.${minor}.${patch ?? 0}` : `${Number(major) - 4}.${minor}.0`;
  return `PHP ${v} (cli) (built: ${PHP_BUILDS[v] ?? 'Dec 19 2024 19:00:00'}) (NTS)\nCopyright (c) The PHP Group\nZend Engine v${zend}, Copyright (c) Zend Technologies`;
}

/** JAVA_VERSION as the eclipse-temurin Dockerfiles set it: jdk-21.0.5+11, jdk8u432-b06. */
const temurinJavaVersion = (version: string, build: string) => (version.startsWith('1.8.0_') ? `jdk8u${version.slice(6)}-b${build}` : `jdk-${version}+${build}`);

/**
 * The Temurin release and build an eclipse-temurin tag names (`21.0.5_11-jdk`, `8u432-b06-jre`); a
 * tag naming only the major (`21-jdk`, `latest`) gets that major's newest catalogued build.
 */
function temurinBuild(version: string, tag: string): [string, string] {
  const named = /^(\d+(?:\.\d+)*)_(\d+)|^8u(\d+)-b(\d+)/.exec(tag);
  if (named) return named[3] ? [`1.8.0_${named[3]}`, named[4]] : [named[1], named[2]];
  const major = /^\d+/.exec(tag)?.[0] ?? version.split('.')[0];
  let best: [string, string] | undefined;
  let bestKey = -1;
  for (const t of catalogueTags('docker.io/library/eclipse-temurin') ?? []) {
    const m = major === '8' ? /^8u(\d+)-b(\d+)/.exec(t) : new RegExp(`^(${major}(?:\\.\\d+)*)_(\\d+)`).exec(t);
    if (!m) continue;
    const key = major === '8' ? Number(m[1]) : [...m[1].split('.'), '0', '0', '0'].slice(0, 4).reduce((a, n) => a * 1000 + Number(n), 0) * 1000 + Number(m[2]);
    if (key > bestKey) {
      bestKey = key;
      best = major === '8' ? [`1.8.0_${m[1]}`, m[2]] : [m[1], m[2]];
    }
  }
  return best ?? [version, '1'];
}

export const runtimeImage: FamilyBuild = (repository, tag) => {
  const rt = RUNTIMES[repository.slice(repository.lastIndexOf('/') + 1)];
  const { version: v, variant } = splitTag(tag);
  const version = fullVersion(repository, v, rt.current);
  const alpine = baseOf(variant) === 'alpine';
  const parts = merge(alpine ? alpineBase() : debianBase(), { binaries: rt.bins(version, tag), links: rt.links?.(version) ?? {} });
  return {
    name: repository,
    tags: [tag],
    ...parts,
    config: { entrypoint: undefined, cmd: rt.cmd(version), env: { PATH: rt.path ?? DEFAULT_PATH, ...rt.env(version, tag) }, workingDir: repository.endsWith('golang') ? '/go' : '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
    size: imageSize(repository, variant, 300_000_000),
    flavor: alpine ? 'busybox' : 'gnu',
  };
};
