/**
 * sigs.k8s.io/yaml ToJSON as kubectl applies it to inline YAML or JSON (patches, overrides): one
 * document parsed as YAML 1.1 (JSON is YAML), errors in go-yaml's wording.
 */
import { yaml } from './yaml-parser.js';
import { goYamlMessage } from './yaml-errors.js';

/** go-yaml scanner errors on the first line carry no `line N:` (its problem mark is line 0). */
const SCANNER_ERRORS = ['found character that cannot start any token', 'mapping values are not allowed in this context'];

/** Flow collections (`{`, `[`) still open at the end of `text`, outermost first; quoted text skipped. */
function openFlows(text: string): string[] {
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') stack.push(c);
    else if ((c === '}' || c === ']') && stack.length > 0) stack.pop();
  }
  return stack;
}

/**
 * go-yaml at the end of the stream inside flow collections: an open sequence, or a mapping inside
 * another collection, is an error naming the missing closer; a lone outer mapping is closed silently.
 */
function unclosedAtEnd(text: string): { close: string } | { message: string } | undefined {
  const open = openFlows(text);
  if (open.length === 0) return undefined;
  const top = open[open.length - 1];
  if (top === '[') return { message: "yaml: line 1: did not find expected ',' or ']'" };
  if (open.length > 1) return { message: "yaml: line 1: did not find expected ',' or '}'" };
  return { close: '}' };
}

export function yamlToJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const first = parse(text);
  if (first.ok || text.includes('\n')) return first;
  const end = unclosedAtEnd(text);
  if (!end) return first;
  return 'message' in end ? { ok: false, message: end.message } : parse(text + end.close);
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const { LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, version: '1.1' });
  if (doc.errors.length > 0) {
    const first = doc.errors.find((e) => e.code === 'UNEXPECTED_TOKEN') ?? doc.errors[0];
    let msg = goYamlMessage(first, (off) => lc.linePos(off).line, text.split('\n'));
    const m = /^yaml: line 1: (.*)$/.exec(msg);
    if (m && SCANNER_ERRORS.includes(m[1])) msg = `yaml: ${m[1]}`;
    return { ok: false, message: msg };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) ?? null };
  } catch (e) {
    return { ok: false, message: `yaml: ${e instanceof Error ? e.message : String(e)}` };
  }
}
