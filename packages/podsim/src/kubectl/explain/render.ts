/**
 * kubectl explain's plain-text layout (kubectl pkg/explain/v2 plaintext template): KIND/VERSION
 * header, FIELD line with type and ENUM values, DESCRIPTION wrapped at 76 columns and indented 4,
 * then FIELDS (name, tab, <type>, -required-, a short enum line, description) or, with --recursive,
 * the field tree without descriptions. Blank lines follow the real kubectl v1.32 byte for byte.
 */
import { SCHEMA, type FieldDoc, type TypeDoc } from './schema.js';

const WIDTH = 76;

/**
 * Greedy word wrap of one line like go-wordwrap (kubectl's term.WordWrapWriter): leading spaces and
 * the exact gaps between words are kept (`pod.  If`), and a gap where the line breaks is dropped.
 */
function wrapLine(line: string): string[] {
  const lead = /^ */.exec(line)![0];
  const parts = [...line.slice(lead.length).matchAll(/( *)([^ ]+)/g)];
  if (parts.length === 0) return [''];
  const out: string[] = [];
  let cur = lead + parts[0][2];
  for (const [, gap, word] of parts.slice(1)) {
    if (cur.length + gap.length + word.length > WIDTH) {
      out.push(cur);
      cur = word;
    } else cur += gap + word;
  }
  out.push(cur);
  return out;
}

function indentedText(text: string, indent: string): string {
  return text
    .split('\n')
    .flatMap(wrapLine)
    .map((l) => `${indent}${l}`)
    .join('\n');
}

export function header(kind: string, group: string, version: string): string {
  return `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
}

/** kubectl shows an empty enum value as `""` so that it can be seen. */
function enumValue(v: string): string {
  return v === '' ? '""' : v;
}

/** A field's name line, and under it, at the same indent, the first four enum values. */
function fieldLines(f: FieldDoc, indent: string): string {
  const [name, type, , , required, enumValues] = f;
  let s = `${indent}${name}\t<${type}>${required ? ' -required-' : ''}\n`;
  if (enumValues.length) s += `${indent}enum: ${enumValues.slice(0, 4).map(enumValue).join(', ')}${enumValues.length > 4 ? ', ....' : ''}\n`;
  return s;
}

function fieldEntry(f: FieldDoc): string {
  const description = f[3];
  return `${fieldLines(f, '  ')}${description ? `${indentedText(description, '    ')}\n` : ''}\n`;
}

function recursiveTree(t: TypeDoc, depth: number, seen: Set<string>): string {
  let s = '';
  for (const f of t.fields) {
    s += fieldLines(f, '  '.repeat(depth));
    const child = f[2] && SCHEMA.types[f[2]];
    if (child && !seen.has(f[2])) s += recursiveTree(child, depth + 1, new Set([...seen, f[2]]));
  }
  return s;
}

/** The body after the header: a type (resource or field with children) or a leaf field. */
export function body(type: TypeDoc | undefined, field: FieldDoc | undefined, recursive: boolean): string {
  let s = '';
  if (field) {
    s += `FIELD: ${field[0]} <${field[1]}>\n`;
    // kubectl's template leaves an empty line where the ENUM block would be, so a field without one gets two.
    s += field[5].length ? `ENUM:\n${field[5].map((v) => `    ${enumValue(v)}\n`).join('')}` : '\n';
    s += '\n';
  }
  const parts = [field?.[3], type?.description].filter((p): p is string => !!p);
  s += `DESCRIPTION:\n${parts.length ? `${indentedText(parts.join('\n'), '    ')}\n` : ''}    \n`;
  if (type && type.fields.length) {
    s += 'FIELDS:\n';
    s += recursive ? recursiveTree(type, 1, new Set()) : type.fields.map(fieldEntry).join('');
  }
  // The template ends with one more newline than its last section.
  return `${s}\n`;
}
