/**
 * The language runtime images (python, node, perl, ruby, php, golang, openjdk, eclipse-temurin)
 * for every published tag: the interpreter at its image path with the tag's version, on the tag's
 * Debian or alpine userland, with the image's CMD. python, node, perl and ruby run one-liners
 * (programs/runtimes); the others answer their version commands only.
 */
import type { Program } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { nodeProgram } from '../programs/runtimes/node.js';
import { perlProgram } from '../programs/runtimes/perl.js';
import { pythonProgram } from '../programs/runtimes/python.js';
import { rubyProgram } from '../programs/runtimes/ruby.js';
import { versionOnly } from '../programs/runtimes/version-only.js';
import { DEFAULT_PATH } from './types.js';
import type { FamilyBuild } from './families/index.js';
import { imageSize } from './families/sizes.js';
import { baseOf, fullVersion, splitTag } from './families/version.js';
import { alpineBase, debianBase, merge } from './userland.js';

interface Runtime {
  current: string;
  /** Executable paths → program, for the tag's version. */
  bins(v: string): Record<string, Program>;
  links?: (v: string) => Record<string, string>;
  cmd: (v: string) => string[];
  env: (v: string) => Record<string, string>;
  path?: string;
}

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
  ruby: { current: '3.3.6', bins: (v) => ({ '/usr/local/bin/ruby': rubyProgram(v, `ruby ${v} (2024-11-05 revision 75015d4c1f)${/^3\.([4-9]|\d\d)|^[4-9]/.test(v) ? ' +PRISM' : ''} [x86_64-linux]`), '/usr/local/bin/irb': versionOnly('irb', ['--version'], `irb 1.13.1 (2024-05-05)`) }), cmd: () => ['irb'], env: (v) => ({ RUBY_VERSION: v, GEM_HOME: '/usr/local/bundle' }) },
  php: { current: '8.4.2', bins: (v) => ({ '/usr/local/bin/php': versionOnly('php', ['-v', '--version'], `PHP ${v} (cli) (built: Dec 19 2024 19:00:00) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.4.2, Copyright (c) Zend Technologies`) }), cmd: () => ['php', '-a'], env: (v) => ({ PHP_VERSION: v, PHP_INI_DIR: '/usr/local/etc/php' }) },
  golang: { current: '1.23.4', bins: (v) => ({ '/usr/local/go/bin/go': versionOnly('go', ['version'], `go version go${v} linux/amd64`) }), cmd: () => ['bash'], env: (v) => ({ GOLANG_VERSION: v, GOPATH: '/go', GOTOOLCHAIN: 'local' }), path: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` },
  openjdk: { current: '22.0.2', bins: (v) => java(v), cmd: () => ['jshell'], env: (v) => ({ JAVA_HOME: '/usr/local/openjdk', JAVA_VERSION: v }), path: `/usr/local/openjdk/bin:${DEFAULT_PATH}` },
  'eclipse-temurin': { current: '21.0.5', bins: (v) => java(v), cmd: () => ['jshell'], env: (v) => ({ JAVA_HOME: '/opt/java/openjdk', JAVA_VERSION: `jdk-${v}+11` }), path: `/opt/java/openjdk/bin:${DEFAULT_PATH}` },
};

function java(v: string): Record<string, Program> {
  const banner = `openjdk version "${v}" 2024-10-15\nOpenJDK Runtime Environment (build ${v}+11)\nOpenJDK 64-Bit Server VM (build ${v}+11, mixed mode, sharing)`;
  return { '/usr/bin/java': versionOnly('java', ['-version', '--version'], banner, 'stderr'), '/usr/bin/jshell': versionOnly('jshell', ['--version'], `jshell ${v}`) };
}

export const runtimeImage: FamilyBuild = (repository, tag) => {
  const rt = RUNTIMES[repository.slice(repository.lastIndexOf('/') + 1)];
  const { version: v, variant } = splitTag(tag);
  const version = fullVersion(repository, v, rt.current);
  const alpine = baseOf(variant) === 'alpine';
  const parts = merge(alpine ? alpineBase() : debianBase(), { binaries: rt.bins(version), links: rt.links?.(version) ?? {} });
  return {
    name: repository,
    tags: [tag],
    ...parts,
    config: { entrypoint: undefined, cmd: rt.cmd(version), env: { PATH: rt.path ?? DEFAULT_PATH, ...rt.env(version) }, workingDir: repository.endsWith('golang') ? '/go' : '/', stopSignal: SIGNALS.SIGTERM, exposedPorts: [], user: '' },
    size: imageSize(repository, variant, 300_000_000),
    flavor: alpine ? 'busybox' : 'gnu',
  };
};
