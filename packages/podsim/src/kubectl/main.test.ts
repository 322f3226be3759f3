import { describe, expect, it } from 'vitest';
import { normalize, realKubectl } from './real-kubectl.js';
import { hostWithoutCluster } from './testing.js';
import { ALL_COMMANDS } from './verbs/index.js';
import { UNAVAILABLE } from './verbs/unavailable.js';
import { withRealKubectl } from '../../test/support/real-kubectl.js';

function ours(...args: string[]) {
  return hostWithoutCluster().run(args);
}

describe('kubectl command line', () => {
  it('suggests commands for an unknown one', () => {
    const r = ours('gett');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n');
    expect(ours('foo').stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
    expect(ours('zzzzzz').stderr).toBe('error: unknown command "zzzzzz" for "kubectl"\n');
  });

  it('reports flag errors with the usage hint of the command', () => {
    expect(ours('get', '--foo').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(ours('get', '-z').stderr).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(ours('get', 'pods', '-n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect(ours('--foo', 'get').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n");
    expect(ours('get', '--foo').code).toBe(1);
  });

  it('prints help with kubectl layout', () => {
    const root = ours();
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    expect(root.stdout).toContain('\nBasic Commands (Intermediate):\n  explain         ');
    const h = ours('get', '--help');
    expect(h.stdout).toContain('\nUsage:\n  kubectl get [(-o|--output=)');
    expect(h.stdout).toContain('    -w, --watch=false:\n\t');
    expect(ours('help', 'get').stdout).toBe(h.stdout);
  });

  it('asks for a resource type', () => {
    const r = ours('get');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });
});

describe.skipIf(!withRealKubectl('same answers as the real kubectl (no cluster needed)'))('same answers as the real kubectl (no cluster needed)', () => {
  const cases: string[][] = [
    ['gett'],
    ['foo'],
    ['get', '--foo'],
    ['get', '-z'],
    ['get', '-nfoo', '-zx'],
    ['get', 'pods', '-n'],
    ['--foo', 'get'],
    ['delete', 'pod', 'x', '--grace-period=abc'],
    ['get', 'pods', '--watch=maybe'],
    ['logs', '--tail=x', 'p'],
    ['run', 'x', '--image'],
    ['get'],
    ['apply'],
    ['apply', '-f', 'nope.yaml'],
    ['create'],
    ['describe'],
    ['delete'],
    ['delete', 'pod', 'x', '--all', '-l', 'a=b'],
    ['logs'],
    ['logs', '-f'],
    ['exec'],
    ['exec', 'p'],
    ['exec', '-it', 'p'],
    ['port-forward'],
    ['port-forward', 'pod/x'],
    ['label', 'pod', 'x'],
    ['annotate', 'pod', 'x'],
    ['expose'],
    ['edit'],
    ['set', 'image'],
    ['rollout', 'status'],
    ['wait'],
    ['explain'],
    ['get', 'pods', 'a/b'],
    ['scale', 'deploy/x'],
    ['run', 'x'],
    ['top', 'pod', '--bogus'],
  ];
  for (const args of cases) {
    it(`kubectl ${args.join(' ')}`, () => {
      const real = realKubectl(args, { cwd: '/tmp' });
      const mine = ours(...args);
      expect(normalize(mine.stderr)).toBe(normalize(real.stderr));
      expect(mine.code).toBe(real.code);
    });
  }

  it('root help lists the same commands in the same groups', () => {
    const groups = (text: string) =>
      [...text.matchAll(/^([A-Z][^\n]*):\n((?: {2}\S+ +[^\n]*\n)*)/gm)].filter((m) => m[2]).map((m) => `${m[1]}: ${m[2].split('\n').filter(Boolean).map((l) => l.trim().split(/ +/)[0]).join(' ')}`);
    expect(groups(ours().stdout)).toEqual(groups(realKubectl([]).stdout));
  });

  const implemented = ALL_COMMANDS.filter((c) => !UNAVAILABLE.has(c)).flatMap((c) => [[c.name], ...(c.subcommands ?? []).flatMap((s) => [[c.name, s.name], ...(s.subcommands ?? []).map((t) => [c.name, s.name, t.name])])]);
  for (const path of implemented) {
    it(`help structure of kubectl ${path.join(' ')}: usage line and flag names`, () => {
      const real = realKubectl([...path, '--help']).stdout;
      const mine = ours(...path, '--help').stdout;
      const usage = (s: string) => /\nUsage:\n {2}(.*)\n/.exec(s)?.[1];
      expect(usage(mine)).toBe(usage(real));
      const flagNames = (s: string) => [...s.matchAll(/^ {4}(?:-\w, )?--([\w-]+)=/gm)].map((m) => m[1]);
      const realFlags = flagNames(real);
      for (const f of flagNames(mine)) expect(realFlags, `--${f}`).toContain(f);
    });
  }
});
