/**
 * Grammar slips a spell checker cannot see (cspell runs in `npm test` for spelling): a word written
 * twice, "a"/"an" before the wrong sound, redundant acronyms ("ATM machine"), uneven spacing between
 * sentences. Runs retext over the prose of an MDX page; code, JSX and frontmatter are not prose.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import { ParseEnglish } from 'parse-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextRedundantAcronyms from 'retext-redundant-acronyms';
import retextRepeatedWords from 'retext-repeated-words';
import retextSentenceSpacing from 'retext-sentence-spacing';
import { unified } from 'unified';
import { VFile } from 'vfile';

const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;

/** `line:column message` for each slip in the page's prose. */
export async function proseSlips(mdx: string): Promise<string[]> {
  // Frontmatter becomes blank lines, so reported lines stay those of the file.
  const file = new VFile(mdx.replace(FRONTMATTER, (m) => m.replace(/[^\n]/g, '')));
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkRetext, ParseEnglish)
    .use(retextRepeatedWords)
    .use(retextIndefiniteArticle)
    .use(retextRedundantAcronyms)
    .use(retextSentenceSpacing);
  await processor.run(processor.parse(file), file);
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).map((m) => `${m.line}:${m.column} ${m.reason}`);
}
