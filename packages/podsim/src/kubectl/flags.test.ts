import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Flags, parseFlags, type FlagSpec } from './flags.js';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', help: '' },
  { name: 'stdin', short: 'i', type: 'bool', default: false, help: '' },
  { name: 'tty', short: 't', type: 'bool', default: false, help: '' },
  { name: 'grace-period', type: 'int', default: -1, help: '' },
  { name: 'watch', short: 'w', type: 'bool', default: false, help: '' },
  { name: 'timeout', type: 'duration', default: '0s', help: '' },
  { name: 'env', type: 'stringArray', default: [], help: '' },
  { name: 'filename', short: 'f', type: 'stringSlice', default: [], help: '' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: '' },
];

function parse(...argv: string[]) {
  const r = parseFlags(argv, SPECS);
  if (!r.ok) return r.message;
  return { flags: new Flags(r.parsed, SPECS), args: r.parsed.args, dash: r.parsed.argsLenAtDash, help: r.parsed.help };
}

describe('flag parsing like pflag', () => {
  it('accepts --flag=v, --flag v, -n v, -nv, -n=v', () => {
    for (const argv of [['--namespace=dev'], ['--namespace', 'dev'], ['-n', 'dev'], ['-ndev'], ['-n=dev']]) {
      const r = parse(...argv, 'pods');
      expect(typeof r === 'object' && r.flags.str('namespace')).toBe('dev');
      expect(typeof r === 'object' && r.args).toEqual(['pods']);
    }
  });

  it('clusters bool shorthands (-it) and keeps args interspersed', () => {
    const r = parse('exec', '-it', 'pod', '--', 'sh', '-c', 'ls -l');
    expect(typeof r).toBe('object');
    if (typeof r !== 'object') return;
    expect(r.flags.bool('stdin') && r.flags.bool('tty')).toBe(true);
    expect(r.args).toEqual(['exec', 'pod', 'sh', '-c', 'ls -l']);
    expect(r.dash).toBe(2);
  });

  it('uses defaults and NoOptDefVal', () => {
    const r = parse('--dry-run');
    if (typeof r !== 'object') throw new Error(r);
    expect(r.flags.str('dry-run')).toBe('unchanged');
    expect(r.flags.int('grace-period')).toBe(-1);
    expect(r.flags.bool('watch')).toBe(false);
  });

  it('repeats array flags and splits slices on commas', () => {
    const r = parse('--env=A=1', '--env', 'B=2,3', '-f', 'a.yaml,b.yaml', '-f', 'c.yaml');
    if (typeof r !== 'object') throw new Error(r);
    expect(r.flags.list('env')).toEqual(['A=1', 'B=2,3']);
    expect(r.flags.list('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('parses Go durations and bools', () => {
    const r = parse('--timeout=1m30s', '--watch=false');
    if (typeof r !== 'object') throw new Error(r);
    expect(r.flags.int('timeout')).toBe(90_000);
    expect(r.flags.bool('watch')).toBe(false);
  });

  it('words errors as pflag does', () => {
    expect(parse('--foo')).toBe('unknown flag: --foo');
    expect(parse('-z')).toBe("unknown shorthand flag: 'z' in -z");
    expect(parse('-iz')).toBe("unknown shorthand flag: 'z' in -iz");
    expect(parse('--namespace')).toBe('flag needs an argument: --namespace');
    expect(parse('-n')).toBe("flag needs an argument: 'n' in -n");
    expect(parse('--grace-period=abc')).toBe('invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(parse('--watch=maybe')).toBe('invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(parse('--timeout=5')).toBe('invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
    expect(parse('--timeout=5d')).toBe('invalid argument "5d" for "--timeout" flag: time: unknown unit "d" in duration "5d"');
  });

  it('recognises -h and --help anywhere', () => {
    const r = parse('pods', '-h');
    expect(typeof r === 'object' && r.help).toBe(true);
  });

  it('never throws and always answers with values or a pflag-style message (fuzz)', () => {
    const token = fc.oneof(
      fc.constantFrom('-n', '-i', '-t', '-it', '-w', '--', '-', '--namespace', '--grace-period', '--dry-run', '--env', '-f', '--timeout', '--watch', '-h', '--=x', '---x'),
      fc.string({ maxLength: 8 }),
      fc.string({ maxLength: 6 }).map((s) => `--${s}`),
      fc.string({ maxLength: 4 }).map((s) => `-${s}`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (argv) => {
        const r = parseFlags(argv, SPECS);
        if (r.ok) return Array.isArray(r.parsed.args);
        return /^(unknown flag|unknown shorthand flag|flag needs an argument|invalid argument|bad flag syntax)/.test(r.message);
      }),
      { numRuns: 2000 },
    );
  });
});
