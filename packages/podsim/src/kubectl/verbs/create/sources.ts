/**
 * The data sources of `create configmap` and `create secret generic|docker-registry`: `--from-literal
 * key=value`, `--from-file [key=]path` (a file, or every regular file of a directory), `--from-env-file`
 * (KEY=value lines). Parsing and error wording follow kubectl pkg/util (ParseFileSource,
 * ParseLiteralSource), pkg/cmd/util/env_file.go and create_configmap.go / create_secret.go.
 */
import { FsError, resolvePath } from '../../../kernel/fs.js';
import type { Invocation } from '../../command.js';
import { plainError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';

export const FROM_LITERAL: FlagSpec = { name: 'from-literal', type: 'stringArray', default: [], help: 'A key and literal value (key=value).' };
export const FROM_FILE: FlagSpec = { name: 'from-file', type: 'stringSlice', default: [], help: 'A file ([key=]path: the key defaults to the file name) or a directory (each regular file in it).' };
export const FROM_ENV_FILE: FlagSpec = { name: 'from-env-file', type: 'stringSlice', default: [], help: 'A file of KEY=value lines.' };

export type SourceFlag = 'from-literal' | 'from-file' | 'from-env-file';

/** How one kind names a bad or repeated key (configmap and secret word them differently). */
export interface KeyRules {
  invalid(key: string, problems: string[]): string;
  duplicate(key: string): string;
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** apimachinery IsConfigMapKey. */
export function configKeyProblems(key: string): string[] {
  const out: string[] = [];
  if (key.length > 253) out.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) out.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  if (key === '.') out.push("must not be '.'");
  else if (key === '..') out.push("must not be '..'");
  else if (key.startsWith('..')) out.push("must not start with '..'");
  return out;
}

/** apimachinery IsEnvVarName. */
function envNameProblems(key: string): string[] {
  const out: string[] = [];
  if (!ENV_NAME.test(key)) out.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  if (key === '.') out.push("must not be '.'");
  else if (key === '..') out.push("must not be '..'");
  else if (key.startsWith('..')) out.push("must not start with '..'");
  return out;
}

export class SourceError extends Error {}

/** Runs the source steps into one data map; a bad source prints kubectl's error and gives undefined. */
export function collectData(inv: Invocation, rules: KeyRules, steps: (b: DataBuilder) => void): Record<string, string> | undefined {
  const b = new DataBuilder(inv, rules);
  try {
    steps(b);
    return b.data;
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    inv.err(plainError(e.message));
    return undefined;
  }
}

/**
 * The data of --from-literal, --from-file and --from-env-file, read in `order` (create_configmap.go
 * and create_secret.go each have their own); --from-env-file goes with neither of the others.
 */
export function dataFromSources(inv: Invocation, rules: KeyRules, order: readonly SourceFlag[], envWhat: 'config' | 'secret'): Record<string, string> | undefined {
  const has = (flag: SourceFlag) => inv.flags.list(flag).length > 0;
  if (has('from-env-file') && (has('from-file') || has('from-literal'))) {
    inv.err(plainError('from-env-file cannot be combined with from-file or from-literal'));
    return undefined;
  }
  return collectData(inv, rules, (b) => {
    for (const flag of order) {
      const sources = inv.flags.list(flag);
      if (flag === 'from-literal') b.literals(sources);
      else if (flag === 'from-file') b.files(sources);
      else b.envFiles(sources, envWhat);
    }
  });
}

export class DataBuilder {
  readonly data: Record<string, string> = {};

  constructor(
    private readonly inv: Invocation,
    private readonly rules: KeyRules,
  ) {}

  add(key: string, value: string): void {
    const problems = configKeyProblems(key);
    if (problems.length > 0) throw new SourceError(this.rules.invalid(key, problems));
    if (key in this.data) throw new SourceError(this.rules.duplicate(key));
    this.data[key] = value;
  }

  literals(sources: readonly string[]): void {
    for (const s of sources) {
      const eq = s.indexOf('=');
      if (eq <= 0) throw new SourceError(`invalid literal source ${s}, expected key=value`);
      this.add(s.slice(0, eq), s.slice(eq + 1));
    }
  }

  files(sources: readonly string[]): void {
    for (const source of sources) {
      const { key, path } = parseFileSource(source);
      const abs = resolvePath(this.inv.proc.cwd, path);
      const kind = this.kindOf(abs, path);
      if (kind === 'dir') {
        if (source.includes('=')) throw new SourceError('cannot give a key name for a directory path');
        // os.ReadDir sorts by name; only regular files become keys.
        for (const name of [...this.inv.host.fs.readdir(abs)].sort()) {
          const child = `${abs}/${name}`;
          if (this.inv.host.fs.lstat(child).kind === 'file') this.add(name, this.inv.host.fs.readFile(child));
        }
      } else this.add(key, this.inv.host.fs.readFile(abs));
    }
  }

  envFiles(sources: readonly string[], what: 'config' | 'secret'): void {
    for (const path of sources) {
      const abs = resolvePath(this.inv.proc.cwd, path);
      if (this.kindOf(abs, path) === 'dir') throw new SourceError(`env ${what} file cannot be a directory`);
      const lines = this.inv.host.fs.readFile(abs).split(/\r?\n/);
      if (lines[lines.length - 1] === '') lines.pop();
      for (const [n, raw] of lines.entries()) {
        const line = (n === 0 ? raw.replace(/^\uFEFF/, '') : raw).trimStart();
        if (line === '' || line.startsWith('#')) continue;
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        const problems = envNameProblems(key);
        if (problems.length > 0) throw new SourceError(`${JSON.stringify(key)} is not a valid key name: ${problems.join(';')}`);
        // A bare KEY takes kubectl's own environment, which has nothing to give here.
        this.add(key, eq < 0 ? '' : line.slice(eq + 1));
      }
    }
  }

  private kindOf(abs: string, shown: string): 'file' | 'dir' {
    try {
      return this.inv.host.fs.stat(abs).kind === 'dir' ? 'dir' : 'file';
    } catch (e) {
      throw new SourceError(`error reading ${shown}: ${e instanceof FsError ? e.text.toLowerCase() : String(e)}`);
    }
  }
}

/** `path` (key = its base name) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } {
  const seps = source.split('=').length - 1;
  if (seps === 0) return { key: source.replace(/\/+$/, '').split('/').pop() || '/', path: source };
  if (seps > 1) throw new SourceError("key names or file paths cannot contain '='");
  if (source.startsWith('=')) throw new SourceError(`key name for file path ${source.slice(1)} missing`);
  if (source.endsWith('=')) throw new SourceError(`file path for key name ${source.slice(0, -1)} missing`);
  const [key, path] = source.split('=');
  return { key, path };
}
