/**
 * `kubectl -o yaml`: the object marshalled to JSON and converted to YAML by sigs.k8s.io/yaml
 * (go-yaml v2): map keys in go-yaml's natural order, block style, sequences not indented under
 * their key, `{}`/`[]` for empty collections, strings quoted and folded as go-yaml does.
 * Models cli-runtime pkg/printers/yaml.go and sigs.k8s.io/yaml.
 */
import { goNumber } from './go-format.js';
import { yamlString } from './yaml-scalar.js';

/** go-yaml v2's keyList.Less: digit runs compare numerically, non-letters sort before letters. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]) => keys.sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? goNumber(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  return yamlString(String(v), column, indent);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyCollection = (v: unknown) => (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).filter((k) => v[k] !== undefined).length === 0);
const emptyText = (v: unknown) => (Array.isArray(v) ? '[]' : '{}');

/** Lines of a block mapping whose keys start at `indent`. */
function mapping(obj: Record<string, unknown>, indent: number, out: string[], firstPrefix?: string): void {
  const keys = sortKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
  keys.forEach((k, idx) => {
    const prefix = idx === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
    const keyText = yamlString(k, prefix.length, indent, true);
    entry(prefix + keyText + ':', obj[k], indent, out, true);
  });
}

/** Lines of a block sequence whose dashes sit at `indent`. */
function sequence(items: unknown[], indent: number, out: string[], firstPrefix?: string): void {
  items.forEach((item, idx) => {
    const prefix = (idx === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)) + '- ';
    if (isMap(item) && !isEmptyCollection(item)) mapping(item, indent + 2, out, prefix);
    else if (Array.isArray(item) && !isEmptyCollection(item)) sequence(item, indent + 2, out, prefix);
    else out.push(prefix + (isEmptyCollection(item) ? emptyText(item) : scalar(item === undefined ? null : item, prefix.length, indent + 2)));
  });
}

/** `head` is `key:`; the value follows on the same line (scalars) or below (collections). */
function entry(head: string, value: unknown, indent: number, out: string[], inMapping: boolean): void {
  if (isEmptyCollection(value)) out.push(`${head} ${emptyText(value)}`);
  else if (isMap(value)) {
    out.push(head);
    mapping(value, indent + 2, out);
  } else if (Array.isArray(value)) {
    out.push(head);
    // go-yaml writes sequences inside a mapping without extra indentation
    sequence(value, inMapping ? indent : indent + 2, out);
  } else {
    out.push(`${head} ${scalar(value, head.length + 1, indent + 2)}`);
  }
}

/** The YAML document for one value, ending in a newline. */
export function toYaml(value: unknown): string {
  const plain = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  const out: string[] = [];
  if (isEmptyCollection(plain)) out.push(emptyText(plain));
  else if (isMap(plain)) mapping(plain, 0, out);
  else if (Array.isArray(plain)) sequence(plain, 0, out);
  else out.push(scalar(plain, 0, 2));
  return out.join('\n') + '\n';
}

/** cli-runtime's YAMLPrinter: documents after the first are preceded by `---`. */
export class YamlPrinter {
  private count = 0;

  print(value: unknown): string {
    this.count++;
    return (this.count > 1 ? '---\n' : '') + toYaml(value);
  }
}
