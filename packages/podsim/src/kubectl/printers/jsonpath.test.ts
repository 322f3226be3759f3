import { describe, expect, it } from 'vitest';
import { CustomColumnsPrinter, parseCustomColumns, parseCustomColumnsFile } from './custom-columns.js';
import { printJsonPath } from './jsonpath.js';
import { kubectlDryRun } from './kubectl-exec.test-helper.js';
import { withRealKubectl } from '../../../test/support/real-kubectl.js';

// kubectl --dry-run decodes numbers as float64, the API server's objects as int64; templates whose
// error text names the number type are therefore tested below, not against the dry-run output.
const DEPLOY = ['create', 'deployment', 'x', '--image=nginx', '--port=80', '--replicas=2'];
const TEMPLATES = [
  '{.metadata.name}',
  '{.spec.template.spec.containers[*].name}',
  '{.metadata.labels}',
  '{range .spec.template.spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
  '{..image}',
  '{.spec.replicas}',
  '{.x}',
  '{.spec.template.spec.containers[?(@.name=="nginx")].image}',
  '{.spec.template.spec.containers[?(@.name!="nginx")].image}',
  '{.spec.template.spec.containers[?(@.ports)].name}',
  '{.spec.template.spec.containers[5]}',
  '{.spec',
  '{.spec.template.spec.containers[-1:].name}',
  '{$}',
  'text {.kind} more',
  '{.spec.template.spec.containers[0].ports}',
  "{.metadata['name']}",
  '{.spec.template.spec.containers[0,0].name}',
  '{.spec.selector.*}',
  '{.metadata.name} {.metadata.creationTimestamp}',
  '{.kind}{"\\n"}',
  '{range .spec.template.spec.containers[*]}[{.name}]{end}',
  '{end}',
  '{.a b}',
  '{.spec.template.spec.containers[x]}',
  "{.spec.template.spec.containers[?(@.name=='nginx')].ports[0].containerPort}",
];

describe.skipIf(!withRealKubectl('jsonpath-as-json matches the real kubectl'))('jsonpath-as-json matches the real kubectl', () => {
  for (const template of ['{.metadata.name}', '{.spec.template.spec.containers[*].name}{.metadata.labels}', '{.nope}']) {
    it(template, () => {
      const obj = JSON.parse(kubectlDryRun(DEPLOY, 'json').stdout) as unknown;
      expect(printJsonPath(template, obj, { asJson: true })).toEqual({ ok: true, text: kubectlDryRun(DEPLOY, `jsonpath-as-json=${template}`).stdout });
    });
  }
});

describe.skipIf(!withRealKubectl('jsonpath matches the real kubectl'))('jsonpath matches the real kubectl', () => {
  for (const template of TEMPLATES) {
    it(template, () => {
      const real = kubectlDryRun(DEPLOY, `jsonpath=${template}`);
      const obj = JSON.parse(kubectlDryRun(DEPLOY, 'json').stdout) as unknown;
      const mine = printJsonPath(template, obj);
      if (real.status === 0) expect(mine).toEqual({ ok: true, text: real.stdout });
      else expect(mine.ok ? mine.text : `error: ${mine.message}\n`).toBe(real.stderr);
    });
  }
});

describe('custom columns', () => {
  const obj = {
    metadata: { name: 'x', labels: { app: 'x', tier: 'web' } },
    spec: { replicas: 2, template: { spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] }, { name: 'b', image: 'busybox' }] } } },
  };
  const print = (spec: string, objects: unknown[] = [obj]) => {
    const parsed = parseCustomColumns(spec);
    return parsed.ok ? new CustomColumnsPrinter(parsed.columns).print(objects as never) : `error: ${parsed.message}\n`;
  };
  it('prints one aligned row per object with relaxed jsonpaths', () => {
    expect(print('NAME:.metadata.name,REPLICAS:spec.replicas,IMAGES:{.spec.template.spec.containers[*].image}')).toBe(
      'NAME   REPLICAS   IMAGES\nx      2          nginx,busybox\n',
    );
  });
  it('prints <none> for missing values and Go %v for maps and lists', () => {
    expect(print('MISSING:.status.nope,LABELS:.metadata.labels,PORTS:.spec.template.spec.containers[0].ports')).toBe(
      'MISSING   LABELS                PORTS\n<none>    map[app:x tier:web]   [map[containerPort:80]]\n',
    );
  });
  it('rejects malformed specs with kubectl messages', () => {
    expect(print('BAD')).toBe('error: unexpected custom-columns spec: BAD, expected <header>:<json-path-expr>\n');
    expect(print('')).toBe('error: custom-columns format specified but no custom columns given\n');
    expect(print('A:{.spec')).toBe("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n");
  });
  it('reads a custom-columns file', () => {
    const parsed = parseCustomColumnsFile('NAME    REPLICAS\n.metadata.name   .spec.replicas\n');
    expect(parsed.ok && new CustomColumnsPrinter(parsed.columns).print([obj as never])).toBe('NAME   REPLICAS\nx      2\n');
    const bad = parseCustomColumnsFile('A B\n.x\n');
    expect(bad).toEqual({ ok: false, message: "number of headers (2) and field specifications (1) don't match" });
  });
  it('remembers widths across calls and prints the header once (watch)', () => {
    const parsed = parseCustomColumns('NAME:.metadata.name,R:.spec.replicas');
    const p = new CustomColumnsPrinter(parsed.ok ? parsed.columns : []);
    expect(p.print([obj as never])).toBe('NAME   R\nx      2\n');
    expect(p.print([{ metadata: { name: 'a-much-longer-name' }, spec: { replicas: 1 } } as never])).toBe('a-much-longer-name   1\n');
    expect(p.print([obj as never])).toBe('x                    2\n');
  });
});

describe('jsonpath over lists', () => {
  const list = {
    items: [
      { metadata: { name: 'a' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }, spec: { n: 3 } },
      { metadata: { name: 'b' }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] }, spec: { n: 10 } },
    ],
  };
  it('prints names space-separated and ranges with literal newlines', () => {
    expect(printJsonPath('{.items[*].metadata.name}', list)).toEqual({ ok: true, text: 'a b' });
    expect(printJsonPath('{range .items[*]}{.metadata.name}{"\\n"}{end}', list)).toEqual({ ok: true, text: 'a\nb\n' });
  });
  it('filters on nested conditions and compares numbers', () => {
    expect(printJsonPath('{.items[*].status.conditions[?(@.type=="Ready")].status}', list)).toEqual({ ok: true, text: 'True False' });
    expect(printJsonPath('{.items[?(@.spec.n>5)].metadata.name}', list)).toEqual({ ok: true, text: 'b' });
  });
  it('names int64 in errors about server-side integers', () => {
    const r = printJsonPath('{.items[0].spec.n[0]}', list);
    expect(r.ok ? '' : r.message).toContain('Error executing template: int64 is not array or slice.');
  });
  it('reports type mismatches in filters like text/template', () => {
    const r = printJsonPath('{.items[?(@.spec.n=="3")].metadata.name}', list);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('Error executing template: incompatible types for comparison.');
  });
});
