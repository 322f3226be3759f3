/**
 * A documentation page as the reader meets it, in order: H2 sections, prose, fenced blocks and the
 * manifests that Hugo's `code_sample` shortcode embeds. remark-parse does the Markdown (lists,
 * indented fences); the shortcodes are plain paragraph text to it.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export type PageEvent =
  | { kind: 'section'; title: string; line: number }
  | { kind: 'prose'; text: string; line: number }
  | { kind: 'block'; lang: string; body: string; line: number }
  | { kind: 'sample'; file: string; line: number };

interface MdNode {
  type: string;
  depth?: number;
  lang?: string | null;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

const SAMPLE = /\{\{[%<]\s*(?:code_sample|codenew)\b[^}]*?\bfile="([^"]+)"[^}]*[%>]\}\}/g;

function textOf(n: MdNode): string {
  if (n.type === 'inlineCode') return '`' + (n.value ?? '') + '`';
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(textOf).join('');
}

/** Front matter and HTML comments carry no steps. */
function stripFrontMatter(md: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(md);
  return m ? md.slice(0, m[0].length).replace(/[^\n]/g, '') + md.slice(m[0].length) : md;
}

/** The site's release (hugo.toml `[params] version`, and the first `[[params.versions]]` patch release). */
export interface SiteVersion {
  minor: string;
  patch: string;
}

/** Hugo's version shortcodes as the site renders them (`{{< skew currentVersion >}}` → `1.32`). */
export function expandVersions(md: string, v: SiteVersion): string {
  const [major, minor] = v.minor.split('.').map(Number);
  return md
    .replace(/\{\{<\s*param\s+"version"\s*>\}\}/g, `v${v.minor}`)
    .replace(/\{\{<\s*skew\s+currentPatchVersion\s*>\}\}/g, v.patch)
    .replace(/\{\{<\s*skew\s+currentVersion\s*>\}\}/g, v.minor)
    .replace(/\{\{<\s*skew\s+currentVersionAddMinor\s+(-?\d+)(?:\s+"([^"]*)")?\s*>\}\}/g, (_, n: string, sep?: string) => `${major}${sep ?? '.'}${minor + Number(n)}`);
}

export function pageEvents(markdown: string, version: SiteVersion): PageEvent[] {
  const tree = unified().use(remarkParse).parse(expandVersions(stripFrontMatter(markdown), version)) as unknown as MdNode;
  const out: PageEvent[] = [];
  const walk = (n: MdNode): void => {
    const line = n.position?.start.line ?? 0;
    if (n.type === 'heading') {
      const title = textOf(n).trim();
      if (n.depth === 2) out.push({ kind: 'section', title, line });
      else out.push({ kind: 'prose', text: title, line });
      return;
    }
    if (n.type === 'code') {
      out.push({ kind: 'block', lang: (n.lang ?? '').toLowerCase(), body: n.value ?? '', line });
      return;
    }
    if (n.type === 'paragraph' || n.type === 'html') {
      const text = textOf(n);
      for (const m of text.matchAll(SAMPLE)) out.push({ kind: 'sample', file: m[1], line });
      out.push({ kind: 'prose', text, line });
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}
