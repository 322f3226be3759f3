/**
 * Prints the same objects as the real kubectl (`--dry-run=client`, no cluster needed) and compares
 * bytes. Skipped when /usr/bin/kubectl is not installed.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { toYaml } from './yaml.js';
import { printName } from './name.js';
import { toJson } from './json.js';
import { kubectlDryRun } from './kubectl-exec.test-helper.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';

const run = (args: string[], format: string) => kubectlDryRun(args, format).stdout;

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
const LITERALS: Record<string, string> = {
  long: `${words(40)} end`,
  lead: ' x',
  trail: 'x ',
  colon: 'a:b',
  colonspace: 'x: y',
  hash: 'a #b',
  star: '*x',
  dash: '- x',
  q: "it's",
  dq: 'say "hi"',
  yes: 'yes',
  on: 'On',
  n: 'n',
  num: '1e3',
  oct: '0o17',
  hex: '0x1F',
  float: '1.5',
  nul: 'null',
  empty: '',
  tilde: '~',
  date: '2024-01-01',
  tab: 'a\tb',
  nl: 'line1\nline2\n',
  nl2: 'x\n\n',
  nl3: 'no final break\nx',
  nllead: ' a\nb',
  uni: 'héllo',
  brack: '[a]',
  pct: '%x',
  at: '@x',
  amp: '&x',
  bang: '!x',
  pipe: '|x',
  qm: '? x',
  comma: 'a,b',
  neg: '-5',
  us: '1_000',
  b60: '1:20',
  dot: '.5',
  inf: '.inf',
  ctrl: 'a\x01b',
  k10: 'a',
  k9: 'b',
  K_x: 'c',
  a_b: 'd',
  lead2: ` ${words(30)}`,
  quoted_long: `${words(20)}: ${words(20)}`,
  html: '<b>&</b>',
};

const cases: [string, string[]][] = [
  ['configmap with tricky strings', ['create', 'configmap', 'c', ...Object.entries(LITERALS).map(([k, v]) => `--from-literal=${k}=${v}`)]],
  ['deployment', ['create', 'deployment', 'web', '--image=gcr.io/google-samples/hello-app:1.0', '--replicas=3', '--port=8080']],
  ['secret', ['create', 'secret', 'generic', 's', '--from-literal=password=hunter2']],
  ['service', ['create', 'service', 'nodeport', 'web', '--tcp=80:8080']],
  ['namespace', ['create', 'namespace', 'n']],
  ['job', ['create', 'job', 'j', '--image=busybox', '--', 'sh', '-c', 'echo hello; sleep 10']],
];

describe.skipIf(!withRealKubectl('printers match the real kubectl'))('printers match the real kubectl', () => {
  for (const [title, args] of cases) {
    it(`-o yaml: ${title}`, () => {
      const obj = JSON.parse(run(args, 'json')) as KubeObject;
      expect(toYaml(obj)).toBe(run(args, 'yaml'));
    });
    it(`-o json (struct order kept): ${title}`, () => {
      const text = run(args, 'json');
      expect(toJson(JSON.parse(text), { sortKeys: false })).toBe(text);
    });
    it(`-o name: ${title}`, () => {
      const obj = JSON.parse(run(args, 'json')) as KubeObject;
      expect(printName(obj)).toBe(run(args, 'name'));
    });
  }
});
