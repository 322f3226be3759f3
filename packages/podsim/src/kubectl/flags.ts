/**
 * Command-line flags parsed the way cobra/pflag do for kubectl: `--flag=v`, `--flag v`, `-n v`,
 * `-nv`, `-n=v`, bool clusters (`-it`), `--` ending flags, flags interspersed with arguments.
 * Errors carry pflag's wording; main.ts adds kubectl's `error: ` prefix and the usage hint.
 * Models spf13/pflag flag.go (parseLongArg/parseShortArg) and its value types.
 */
import { parseGoDuration } from './duration.js';

export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value before parsing; `--help` prints it as `--name=<default>`. */
  default?: string | number | boolean | string[];
  /** Value taken when the flag is given without `=value` (pflag NoOptDefVal), e.g. `--dry-run`. */
  noOptDefault?: string;
  help: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedArgs {
  /** Values of flags given on the command line (by long name); defaults are applied by `flagValue`. */
  values: Map<string, FlagValue>;
  args: string[];
  /** Number of positional args before `--` (cobra ArgsLenAtDash), or -1 when there was no `--`. */
  argsLenAtDash: number;
  help: boolean;
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; message: string };

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Converts one raw value; the error text is pflag's `invalid argument …` message. */
function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): { ok: true; value: FlagValue } | { ok: false; message: string } {
  const invalid = (why: string) => ({ ok: false as const, message: `invalid argument ${goQuote(raw)} for ${goQuote(flagLabel(spec))} flag: ${why}` });
  switch (spec.type) {
    case 'bool':
      if (GO_TRUE.has(raw)) return { ok: true, value: true };
      if (GO_FALSE.has(raw)) return { ok: true, value: false };
      return invalid(`strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax`);
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) return invalid(`strconv.ParseInt: parsing ${goQuote(raw)}: invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) return invalid(`strconv.ParseInt: parsing ${goQuote(raw)}: value out of range`);
      return { ok: true, value: n };
    }
    case 'duration': {
      const d = parseGoDuration(raw);
      if (!d.ok) return invalid(d.message);
      return { ok: true, value: d.ms };
    }
    case 'stringArray':
      return { ok: true, value: [...((previous as string[] | undefined) ?? []), raw] };
    case 'stringSlice':
      return { ok: true, value: [...((previous as string[] | undefined) ?? []), ...(raw === '' ? [] : raw.split(','))] };
    default:
      return { ok: true, value: raw };
  }
}

/**
 * Parses argv (without the command words) against `specs`. Unknown flags fail like pflag;
 * `-h`/`--help` are always accepted.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParseResult {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    if (s.short) byShort.set(s.short, s);
  }
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;

  const set = (spec: FlagSpec, raw: string): string | undefined => {
    const r = convert(spec, raw, values.get(spec.name));
    if (!r.ok) return r.message;
    values.set(spec.name, r.value);
    return undefined;
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      if (name === '' || name.startsWith('-') || name.startsWith('=')) return { ok: false, message: `bad flag syntax: ${a}` };
      if (name === 'help') {
        help = true;
        continue;
      }
      const spec = byName.get(name);
      if (!spec) return { ok: false, message: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i];
      else return { ok: false, message: `flag needs an argument: ${a}` };
      const err = set(spec, raw);
      if (err) return { ok: false, message: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        if (c === 'h') {
          help = true;
          rest = rest.slice(1);
          continue;
        }
        const spec = byShort.get(c);
        if (!spec) return { ok: false, message: `unknown shorthand flag: '${c}' in ${a}` };
        let raw: string;
        if (rest.length > 2 && rest[1] === '=') {
          raw = rest.slice(2);
          rest = '';
        } else if (spec.type === 'bool' || spec.noOptDefault !== undefined) {
          raw = spec.type === 'bool' ? 'true' : (spec.noOptDefault as string);
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          raw = rest.slice(1);
          rest = '';
        } else if (i + 1 < argv.length) {
          raw = argv[++i];
          rest = '';
        } else return { ok: false, message: `flag needs an argument: '${c}' in ${a}` };
        const err = set(spec, raw);
        if (err) return { ok: false, message: err };
      }
      continue;
    }
    args.push(a);
  }
  return { ok: true, parsed: { values, args, argsLenAtDash, help } };
}

/** Typed accessors with the spec's default. */
export class Flags {
  constructor(
    private readonly parsed: ParsedArgs,
    private readonly specs: readonly FlagSpec[],
  ) {}

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  private raw(name: string): FlagValue | undefined {
    if (this.parsed.values.has(name)) return this.parsed.values.get(name);
    return this.specs.find((s) => s.name === name)?.default;
  }

  str(name: string): string {
    const v = this.raw(name);
    return typeof v === 'string' ? v : '';
  }

  bool(name: string): boolean {
    return this.raw(name) === true;
  }

  /** Integers, and durations in milliseconds (defaults are written as Go durations, e.g. `1m0s`). */
  int(name: string): number {
    const v = this.raw(name);
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      const d = parseGoDuration(v);
      return d.ok ? d.ms : 0;
    }
    return 0;
  }

  list(name: string): string[] {
    const v = this.raw(name);
    return Array.isArray(v) ? v : [];
  }
}
