import { describe, expect, it } from 'vitest';
import { classifyBlock, classifyLine, fragmentMismatches, locateFragment, pageFiles, parseMeta } from './code-steps.js';

describe('parseMeta', () => {
  it('reads quoted, bare and flag attributes', () => {
    expect(parseMeta('title="pod.yaml" file=x.yaml fragment expect-error="a|b"')).toEqual({
      title: 'pod.yaml',
      file: 'x.yaml',
      fragment: true,
      'expect-error': 'a|b',
    });
    expect(parseMeta(undefined)).toEqual({});
  });
});

describe('classifyLine', () => {
  it('tells commands, comments, keys and blanks apart', () => {
    expect(classifyLine('#comment')).toEqual({ kind: 'comment', text: '#comment' });
    expect(classifyLine('   ')).toEqual({ kind: 'blank' });
    expect(classifyLine('ctrl+c')).toEqual({ kind: 'key', label: 'ctrl+c', data: '\x03' });
    expect(classifyLine('fg')).toEqual({ kind: 'run', line: 'fg' });
    // Trailing spaces are part of what the page shows; the shell ignores them.
    expect(classifyLine('kubectl get pods ')).toEqual({ kind: 'run', line: 'kubectl get pods ' });
  });
});

describe('classifyBlock', () => {
  it('names YAML files by title or first-line comment', () => {
    expect(classifyBlock('yaml', 'title="pod.yaml"', 'kind: Pod')).toEqual({ kind: 'yaml', file: 'pod.yaml', fragment: false, content: 'kind: Pod\n' });
    expect(classifyBlock('yml', null, '# a.yaml\nkind: Pod\n')).toMatchObject({ file: 'a.yaml' });
    expect(classifyBlock('yaml', null, 'kind: Pod')).toMatchObject({ file: undefined });
  });

  it('marks syntax templates as not runnable and splits expected errors', () => {
    expect(classifyBlock('bash', 'syntax', 'kubectl exec POD1')).toMatchObject({ runnable: false });
    expect(classifyBlock('bash', 'expect-error="a|b"', 'ls')).toMatchObject({ runnable: true, expectErrors: ['a', 'b'], edits: [] });
    expect(classifyBlock('bash', 'edit="8081=>8080"', 'vi x')).toMatchObject({ edits: [{ from: '8081', to: '8080' }] });
    expect(classifyBlock('js', '', 'x')).toEqual({ kind: 'plain' });
  });

  it('collects whole files, first block wins, fragments excluded', () => {
    const blocks = [
      classifyBlock('yaml', 'title="a.yaml"', 'one'),
      classifyBlock('yaml', 'title="a.yaml"', 'two'),
      classifyBlock('yaml', 'file=b.yaml fragment', 'frag'),
    ];
    expect(pageFiles(blocks)).toEqual({ 'a.yaml': 'one\n' });
  });
});

describe('locateFragment', () => {
  const file = ['spec:', '  containers:', '  - name: web', '    livenessProbe:', '      tcpSocket:', '        port: 8081', '    readinessProbe:', '      httpGet:', '        port: 8081', ''].join('\n');

  it('finds the block of the first key after "..." even when values differ', () => {
    expect(locateFragment(file, 'spec:\n  containers:\n    ...\n    livenessProbe:\n      tcpSocket:\n        port: 8080\n')).toEqual({ startLine: 4, endLine: 6 });
    expect(locateFragment(file, 'spec:\n  containers:\n    ...\n    readinessProbe:\n      tcpSocket:\n')).toEqual({ startLine: 7, endLine: 9 });
  });

  it('returns undefined when the key is not in the file', () => {
    expect(locateFragment(file, '...\nstartupProbe:\n  periodSeconds: 1')).toBeUndefined();
  });
});

describe('#until: lines', () => {
  it('fold into the step below them, across comments', () => {
    const block = classifyBlock('bash', null, '#until: pod/x ready\n#look again\nkubectl get pods\nkubectl get pods');
    expect(block).toMatchObject({
      lines: [{ kind: 'comment' }, { kind: 'run', line: 'kubectl get pods', until: 'pod/x ready' }, { kind: 'run', line: 'kubectl get pods' }],
    });
    expect((block as { lines: object[] }).lines[2]).not.toHaveProperty('until');
  });

  it('refuse a bad condition, a dangling wait and two waits for one step', () => {
    expect(() => classifyBlock('bash', null, '#until: pod/x raedy\nls')).toThrow(/unknown test "raedy"/);
    expect(() => classifyBlock('bash', null, 'ls\n#until: pod/x ready')).toThrow(/not followed by a step/);
    expect(() => classifyBlock('bash', null, '#until: pod/x ready\n#until: pod/y ready\nls')).toThrow(/two #until: lines/);
  });
});

describe('fragmentMismatches', () => {
  const file = 'spec:\n  containers:\n  - name: a\n    livenessProbe:\n      tcpSocket:\n        port: 8081\n    readinessProbe:\n      httpGet:\n        port: 8081\n';
  it('accepts a fragment that is its file, indentation aside', () => {
    expect(fragmentMismatches(file, 'spec:\n  ...\n  livenessProbe:\n    tcpSocket:\n      port: 8081\n')).toEqual([]);
  });
  it('names the values a fragment changes and a place its file does not have', () => {
    expect(fragmentMismatches(file, 'spec:\n  ...\n  livenessProbe:\n    tcpSocket:\n      port: 8080\n')).toEqual(['shows "port: 8080" where its file has "port: 8081"']);
    expect(fragmentMismatches(file, 'template:\n  ...\n  livenessProbe:\n')).toEqual(['places itself under "template:", which its file does not have there']);
    expect(fragmentMismatches(file, 'startupProbe:\n  exec: {}\n')).toEqual(['the fragment has no key its file has']);
  });
});
