/**
 * Command-line flags as crictl's commands take them (urfave/cli v2 over Go's flag package): flags come
 * before the first argument, which ends them (`crictl exec -i -t ID ls -l` runs `ls -l`); `--name value`,
 * `--name=value` and one-dash spellings alike; joined one-letter booleans (`-it`, `-aq`: the commands set
 * UseShortOptionHandling).
 */

export interface FlagSpec {
  /** Long name first, then the aliases. */
  names: string[];
  kind: 'bool' | 'string' | 'int' | 'list';
}

export interface CrictlArgs {
  args: string[];
  bool(name: string): boolean;
  string(name: string): string;
  int(name: string): number;
  list(name: string): string[];
  /** Whether the reader gave the flag at all (urfave's IsSet). */
  isSet(name: string): boolean;
}

/** Go's flag package error texts: it names a flag with one dash, however it was written. */
export function parseCrictlFlags(argv: string[], specs: FlagSpec[]): { ok: true; value: CrictlArgs } | { ok: false; error: string } {
  const byName = new Map<string, FlagSpec>();
  for (const s of specs) for (const n of s.names) byName.set(n, s);
  const values = new Map<FlagSpec, string[]>();
  const add = (s: FlagSpec, v: string) => values.set(s, [...(values.get(s) ?? []), v]);
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const spec = byName.get(name);
    if (!spec && !a.startsWith('--') && eq < 0 && [...name].every((ch) => byName.get(ch)?.kind === 'bool')) {
      for (const ch of name) add(byName.get(ch)!, 'true');
      continue;
    }
    if (!spec) return { ok: false, error: `flag provided but not defined: -${name}` };
    if (spec.kind === 'bool') {
      const v = eq >= 0 ? body.slice(eq + 1) : 'true';
      if (!/^(1|0|t|f|true|false|TRUE|FALSE|True|False)$/.test(v)) return { ok: false, error: `invalid boolean value ${JSON.stringify(v)} for -${name}: parse error` };
      add(spec, /^(1|t|true|TRUE|True)$/.test(v) ? 'true' : 'false');
      continue;
    }
    let v: string;
    if (eq >= 0) v = body.slice(eq + 1);
    else if (i + 1 < argv.length) v = argv[++i];
    else return { ok: false, error: `flag needs an argument: -${name}` };
    if (spec.kind === 'int' && !/^[+-]?\d+$/.test(v)) return { ok: false, error: `invalid value ${JSON.stringify(v)} for flag -${name}: parse error` };
    add(spec, v);
  }
  const get = (name: string) => {
    const s = byName.get(name);
    return s ? values.get(s) : undefined;
  };
  return {
    ok: true,
    value: {
      args: argv.slice(i),
      bool: (n) => get(n)?.at(-1) === 'true',
      string: (n) => get(n)?.at(-1) ?? '',
      int: (n) => Number(get(n)?.at(-1) ?? 0),
      list: (n) => get(n) ?? [],
      isSet: (n) => get(n) !== undefined,
    },
  };
}
