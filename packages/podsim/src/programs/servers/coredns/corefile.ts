/**
 * The Corefile as CoreDNS's caddy parser reads it, for the reload plugin's fingerprint: the server
 * blocks (keys, then each directive's tokens up to the end of its line or of its braces) as JSON,
 * hashed with SHA-512 (coredns plugin/reload parse + hook). The file path of each token is empty
 * because the -conf loader's input reports none; with it, the kubeadm Corefile gives the
 * `591cf328…` every kubeadm cluster logs.
 */
import { CHECKSUMS } from '../../checksums.js';

interface Token {
  line: number;
  text: string;
}

interface ServerBlock {
  keys: string[];
  tokens: Map<string, Token[]>;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/(^|\s)#.*$/, '');
    for (const t of code.split(/[\s]+/)) if (t !== '') out.push({ line: i + 1, text: t });
  });
  return out;
}

/** The server blocks, or an error text for braces that do not match. */
export function parseCorefile(text: string): ServerBlock[] | string {
  const toks = tokenize(text);
  const blocks: ServerBlock[] = [];
  let i = 0;
  while (i < toks.length) {
    const keys: string[] = [];
    while (i < toks.length && toks[i].text !== '{') keys.push(toks[i++].text.replace(/,$/, ''));
    if (i >= toks.length) return `Corefile:${toks[toks.length - 1]?.line ?? 1} - Error during parsing: Unexpected EOF`;
    i++;
    const tokens = new Map<string, Token[]>();
    while (i < toks.length && toks[i].text !== '}') {
      const dir = toks[i];
      const list = tokens.get(dir.text) ?? [];
      tokens.set(dir.text, list);
      list.push(dir);
      i++;
      let nesting = 0;
      let line = dir.line;
      while (i < toks.length) {
        const t = toks[i];
        if (nesting === 0 && t.line !== line && t.text !== '{') break;
        if (t.text === '}' && nesting === 0) break;
        if (t.text === '{') nesting++;
        else if (t.text === '}') nesting--;
        list.push(t);
        line = t.line;
        i++;
      }
      if (nesting > 0) return `Corefile:${toks[toks.length - 1].line} - Error during parsing: Unexpected EOF`;
    }
    if (i >= toks.length) return `Corefile:${toks[toks.length - 1]?.line ?? 1} - Error during parsing: Unexpected EOF`;
    i++;
    blocks.push({ keys, tokens });
  }
  return blocks;
}

/** A Go JSON string: encoding/json also escapes <, > and & for HTML safety. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's encoding/json of the blocks: struct fields in declaration order, map keys sorted. */
function goJson(blocks: ServerBlock[]): string {
  const block = (b: ServerBlock) => {
    const dirs = [...b.tokens.keys()].sort();
    const tokens = dirs.map((d) => `${goString(d)}:[${b.tokens.get(d)!.map((t) => `{"File":"","Line":${t.line},"Text":${goString(t.text)}}`).join(',')}]`);
    return `{"Keys":[${b.keys.map(goString).join(',')}],"Tokens":{${tokens.join(',')}}}`;
  };
  return `[${blocks.map(block).join(',')}]`;
}

/** Only once the checksums part is there (a program yields `CHECKSUMS.whenLoaded()` first). */
export function corefileDigest(blocks: ServerBlock[]): string {
  return CHECKSUMS.get().sha512Hex(goJson(blocks));
}

/** `.:53`-style listen addresses of the blocks, as CoreDNS prints them at start. */
export function serverAddresses(blocks: ServerBlock[]): string[] {
  return blocks.flatMap((b) => b.keys.map((k) => (/:\d+$/.test(k) ? k : `${k}:53`)));
}
