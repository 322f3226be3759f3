/**
 * Reads the course pages and lists their code blocks in page order, with the very extraction code
 * the remark plugin uses to render run controls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import { codeBlocksOf } from '../../src/markdown/remark-runnable-code.js';
import { pageFiles, type CodeBlock } from '../../src/markdown/code-steps.js';
import { COURSE_PAGES } from '../../src/course.js';

export interface CoursePage {
  slug: string;
  blocks: CodeBlock[];
  files: Record<string, string>;
}

const CONTENT = join(import.meta.dirname, '../../content/docs');

export function coursePages(): CoursePage[] {
  return COURSE_PAGES.map((slug) => {
    const tree = unified().use(remarkParse).use(remarkMdx).parse(readFileSync(join(CONTENT, `${slug}.mdx`), 'utf8')) as Root;
    const blocks = codeBlocksOf(tree);
    return { slug, blocks, files: pageFiles(blocks) };
  });
}
