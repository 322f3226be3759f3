/**
 * kompose's command line as cobra and pflag read it: root flags anywhere on the line, `--x=v`,
 * `--x v`, `-xv`, grouped short booleans, repeated and comma-separated `--file`, deprecated flags
 * named on stderr, and pflag's usage table (sorted flags, type names, defaults, aligned usages).
 */

export interface FlagSpec {
  long: string;
  short?: string;
  /** pflag's type name; absent for a boolean. */
  type?: 'string' | 'int' | 'strings' | 'stringArray';
  usage: string;
  def?: string;
  hidden?: boolean;
  deprecated?: string;
  shorthandDeprecated?: string;
}

export interface Parsed {
  values: Map<string, string | string[] | boolean | number>;
  /** Flags the line set (cobra's `Changed`). */
  changed: Set<string>;
  args: string[];
  notes: string[];
  error?: string;
}

function setValue(spec: FlagSpec, raw: string | undefined, p: Parsed): string | undefined {
  const name = spec.long;
  if (spec.type === undefined) {
    const v = raw === undefined ? 'true' : raw;
    if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v)) return `invalid argument "${v}" for "${spec.short ? `-${spec.short}, ` : ''}--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`;
    p.values.set(name, /^(1|t|T|TRUE|true|True)$/.test(v));
  } else if (spec.type === 'int') {
    if (!/^[-+]?\d+$/.test(raw!)) return `invalid argument "${raw}" for "${spec.short ? `-${spec.short}, ` : ''}--${name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
    p.values.set(name, Number(raw));
  } else if (spec.type === 'strings' || spec.type === 'stringArray') {
    const prev = p.changed.has(name) ? (p.values.get(name) as string[]) : [];
    p.values.set(name, [...prev, ...(spec.type === 'strings' ? raw!.split(',') : [raw!])]);
  } else p.values.set(name, raw!);
  p.changed.add(name);
  if (spec.deprecated !== undefined) p.notes.push(`Flag --${name} has been deprecated, ${spec.deprecated}`);
  return undefined;
}

/** Reads `argv` against `specs`; stops at the first error as cobra does. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): Parsed {
  const p: Parsed = { values: new Map(), changed: new Set(), args: [], notes: [] };
  for (const s of specs) if (s.def !== undefined) p.values.set(s.long, s.type === 'int' ? Number(s.def) : s.type === undefined ? s.def === 'true' : s.def);
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      p.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) return { ...p, error: `unknown flag: --${name}` };
      let raw = eq < 0 ? undefined : a.slice(eq + 1);
      if (raw === undefined && spec.type !== undefined) {
        if (i + 1 >= argv.length) return { ...p, error: `flag needs an argument: --${name}` };
        raw = argv[++i];
      }
      const err = setValue(spec, raw, p);
      if (err) return { ...p, error: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = byShort.get(a[j]);
        if (!spec) return { ...p, error: `unknown shorthand flag: '${a[j]}' in ${a}` };
        if (spec.shorthandDeprecated !== undefined) p.notes.push(`Flag shorthand -${a[j]} has been deprecated, ${spec.shorthandDeprecated}`);
        let raw: string | undefined;
        if (spec.type !== undefined) {
          raw = a.slice(j + 1).replace(/^=/, '');
          if (raw === '') {
            if (i + 1 >= argv.length) return { ...p, error: `flag needs an argument: '${a[j]}' in -${a[j]}` };
            raw = argv[++i];
          }
          j = a.length;
        } else if (a[j + 1] === '=') {
          raw = a.slice(j + 2);
          j = a.length;
        }
        const err = setValue(spec, raw, p);
        if (err) return { ...p, error: err };
      }
      continue;
    }
    p.args.push(a);
  }
  return p;
}

/** pflag's FlagUsages: visible flags sorted by name, the usages in one column. */
export function flagUsages(specs: readonly FlagSpec[]): string {
  const rows = specs
    .filter((s) => !s.hidden && s.deprecated === undefined)
    .sort((a, b) => (a.long < b.long ? -1 : 1))
    .map((s) => {
      let usage = s.usage;
      let varName: string = s.type ?? '';
      const quoted = /`([^`]*)`/.exec(usage);
      if (quoted) {
        varName = quoted[1];
        usage = usage.slice(0, quoted.index) + quoted[1] + usage.slice(quoted.index + quoted[0].length);
      }
      let left = s.short ? `  -${s.short}, --${s.long}` : `      --${s.long}`;
      if (varName) left += ` ${varName}`;
      const def = s.def;
      if (def !== undefined && def !== '' && def !== 'false' && !(s.type === 'int' && def === '0')) usage += s.type === 'string' ? ` (default "${def}")` : ` (default ${def})`;
      return { left, usage };
    });
  const width = Math.max(...rows.map((r) => r.left.length));
  return rows.map((r) => `${r.left.padEnd(width)}   ${r.usage}`).join('\n');
}
