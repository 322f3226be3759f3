import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkRunnableCode, { codeBlocksOf } from './remark-runnable-code.js';

const dir = join(import.meta.dirname, 'fixtures');

async function render(markdown: string): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkRunnableCode).use(remarkRehype);
  const hast = await processor.run(processor.parse(markdown));
  return toHtml(hast) + '\n';
}

describe('remark-runnable-code fixtures (set UPDATE_FIXTURES=1 to rewrite the .html side)', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'PROVENANCE.md')) {
    it(name, async () => {
      const html = await render(readFileSync(join(dir, name), 'utf8'));
      const expected = join(dir, name.replace(/\.md$/, '.html'));
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expected, html);
      expect(existsSync(expected), `${expected} is missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
      expect(html).toBe(readFileSync(expected, 'utf8'));
    });
  }
});

describe('remark-runnable-code', () => {
  it('gives each command line a run control and leaves comments as text', async () => {
    const html = await render('```bash\n#note\nkubectl get pods\nctrl+c\n```\n');
    expect(html).toContain('data-rc-line="kubectl get pods"');
    expect(html).toContain('data-rc-key="ctrl+c"');
    expect(html).not.toContain('data-rc-line="#note"');
    expect(html).not.toMatch(/<pre><code/);
  });

  it('carries a step\'s wait on its run control and shows it, without the #until: line', async () => {
    const html = await render('```bash\n#until: pod/web ready\nkubectl get pods\n```\n');
    expect(html).toContain('data-rc-line="kubectl get pods" data-rc-until="pod/web ready"');
    expect(html).toContain('<span class="rc-until">waits until pod/web ready</span>');
    expect(html).not.toContain('#until');
  });

  it('leaves syntax templates and unnamed YAML to Expressive Code', async () => {
    const html = await render('```bash syntax\nkubectl exec POD1\n```\n\n```yaml\nkind: Pod\n```\n');
    expect(html).not.toContain('data-rc-');
    expect(html.match(/<pre><code/g)).toHaveLength(2);
  });

  it('lists code blocks in document order for the docs tests', () => {
    const tree = unified().use(remarkParse).parse('```yaml title="a.yaml"\nkind: Pod\n```\n\n```bash\nls\n```\n') as Root;
    expect(codeBlocksOf(tree).map((b) => b.kind)).toEqual(['yaml', 'bash']);
  });
});
