/**
 * The catalogue's compact form of a tag set: the tags sorted, each written as one character for
 * the length it shares with the tag before it ('0' = none, up to 'z' = 74) and then the rest,
 * separated by spaces. Sorted tags of one repository share long prefixes (`1.25.3-alpine3.18-perl`).
 */
const BASE = 48;
const MAX_SHARED = 74;

export function encodeTags(tags: string[]): string {
  const sorted = [...new Set(tags)].sort();
  let prev = '';
  return sorted
    .map((tag) => {
      let n = 0;
      while (n < MAX_SHARED && n < prev.length && n < tag.length && prev[n] === tag[n]) n++;
      prev = tag;
      return String.fromCharCode(BASE + n) + tag.slice(n);
    })
    .join(' ');
}

export function decodeTags(encoded: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const entry of encoded.split(' ')) {
    if (entry === '') continue;
    prev = prev.slice(0, entry.charCodeAt(0) - BASE) + entry.slice(1);
    out.push(prev);
  }
  return out;
}
