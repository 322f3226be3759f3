/**
 * `-o custom-columns=NAME:.metadata.name,…` and `-o custom-columns-file=<file>`: one column per
 * jsonpath, `<none>` when it yields nothing, several values joined by commas, printed through the
 * get tabwriter (headers once per printer, widths remembered for --watch).
 * Models kubectl pkg/cmd/get/customcolumn.go.
 */
import type { KubeObject } from '../../api/types.js';
import { goSprint } from './go-format.js';
import { findResults, compileJsonPath, relaxedJsonPath } from './jsonpath.js';
import { escapeTerminal, TabWriter } from '../../format/tabwriter.js';

export interface CustomColumn {
  header: string;
  /** A full jsonpath template, e.g. `{.metadata.name}`. */
  fieldSpec: string;
}

type Parsed = { ok: true; columns: CustomColumn[] } | { ok: false; message: string };

function relaxAll(pairs: [string, string][]): Parsed {
  const columns: CustomColumn[] = [];
  for (const [header, spec] of pairs) {
    const r = relaxedJsonPath(spec);
    if (!r.ok) return r;
    const compiled = compileJsonPath(r.path);
    if (!compiled.ok) return { ok: false, message: compiled.message.replace(/^error parsing jsonpath [^,]*, /, '') };
    columns.push({ header, fieldSpec: r.path });
  }
  return { ok: true, columns };
}

/** Parses the value of `-o custom-columns=`; messages are kubectl's (printed after `error: `). */
export function parseCustomColumns(spec: string): Parsed {
  if (spec.length === 0) return { ok: false, message: 'custom-columns format specified but no custom columns given' };
  const pairs: [string, string][] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { ok: false, message: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    pairs.push([part.slice(0, colon), part.slice(colon + 1)]);
  }
  return relaxAll(pairs);
}

/** Parses a custom-columns file: a line of headers and a line of jsonpaths, whitespace separated. */
export function parseCustomColumnsFile(text: string): Parsed {
  const lines = text.split('\n');
  const words = (l: string | undefined) => (l ?? '').split(/\s+/).filter((w) => w !== '');
  if (lines.length < 1 || text === '') return { ok: false, message: 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.' };
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '' && text.endsWith('\n')))
    return { ok: false, message: 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.' };
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) return { ok: false, message: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  return relaxAll(headers.map((h, i) => [h, specs[i]]));
}

export class CustomColumnsPrinter {
  private readonly writer = TabWriter.forGet();
  private printedHeaders = false;

  constructor(
    private readonly columns: CustomColumn[],
    private readonly noHeaders = false,
  ) {}

  /** The header (first call only) and one row per object. */
  print(objects: KubeObject[]): string {
    const lines: string[] = [];
    if (!this.noHeaders && !this.printedHeaders) {
      lines.push(this.columns.map((c) => c.header).join('\t'));
      this.printedHeaders = true;
    }
    for (const obj of objects) {
      lines.push(
        this.columns
          .map((c) => {
            const results = findResults(c.fieldSpec, obj);
            const values = results.flat().map((v) => escapeTerminal(goSprint(v)));
            return (results.length === 0 || (results[0] ?? []).length === 0 ? ['<none>', ...values] : values).join(',');
          })
          .join('\t'),
      );
    }
    if (lines.length === 0) return '';
    this.writer.write(lines.join('\n') + '\n');
    return this.writer.flush();
  }
}
