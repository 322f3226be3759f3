import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

const podYaml = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;

describe('kubectl describe -f and -l', () => {
  it('describes the objects a file names, in file order, as the server has them', () => {
    const { host } = hostWithServer({ 'two.yaml': `${podYaml('a')}---\n${podYaml('b')}`, 'one.yaml': podYaml('a') });
    host.run(['create', '-f', 'two.yaml']);
    const both = host.run(['describe', '-f', 'two.yaml']);
    expect(both.code).toBe(0);
    expect(both.stdout.match(/^Name: +\S+$/gm)).toEqual(['Name:             a', 'Name:             b']);
    expect(both.stdout).toContain('\n\n\nName:             b\n');
    expect(host.run(['describe', '-f', 'one.yaml']).stdout).toBe(host.run(['describe', 'pod', 'a']).stdout);
    expect(host.run(['describe', 'pods', '-l', 'app=b']).stdout).toBe(host.run(['describe', 'pod', 'b']).stdout);
    expect(host.run(['describe', 'pods', '--selector', 'app=none'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('reports objects that are not there and files that cannot be read', () => {
    const { host } = hostWithServer({ 'one.yaml': podYaml('a') });
    expect(host.run(['describe', '-f', 'one.yaml'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "a" not found\n' });
    expect(host.run(['describe', '-f', 'missing.yaml']).stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });
});
