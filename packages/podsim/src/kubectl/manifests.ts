/**
 * Reading `-f FILE|DIR|-`: multi-document YAML or JSON, `List` objects expanded, each object tagged
 * with its source for messages (`error when creating "pod.yaml": …`). Errors use kubectl's wording
 * (cli-runtime pkg/resource/visitor.go, builder.go).
 */
import { yaml } from '../format/yaml-parser.js';
import { FsError, resolvePath } from '../kernel/fs.js';
import { wait } from '../kernel/waitable.js';
import type { Invocation } from './command.js';
import { goJsonMessage, goYamlMessage } from '../format/yaml-errors.js';

export interface Manifest {
  /** The path as the reader typed it (or the joined path inside a directory), `STDIN` for `-`. */
  source: string;
  obj: Record<string, unknown>;
}

export type ManifestResult = { ok: true; manifests: Manifest[] } | { ok: false; errors: string[] };

const EXTENSIONS = ['.json', '.yaml', '.yml'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one file's text into objects; `source` names it in errors. */
export function parseManifestText(text: string, source: string): { ok: true; objects: unknown[] } | { ok: false; error: string } {
  if (/^\s*\{/.test(text)) {
    const objects: unknown[] = [];
    try {
      objects.push(JSON.parse(text));
    } catch (e) {
      return { ok: false, error: `error parsing ${source}: ${goJsonMessage(text, e)}` };
    }
    return { ok: true, objects };
  }
  const { LineCounter, parseAllDocuments } = yaml();
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, version: '1.1' });
  } catch (e) {
    return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}` };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const lines = text.split('\n');
  const objects: unknown[] = [];
  for (const d of list) {
    if (d.errors.length > 0) {
      // A stray `- item` in a mapping is reported by `yaml` as a multi-line key first; go-yaml sees the unexpected dash.
      const first = d.errors.find((e) => e.code === 'UNEXPECTED_TOKEN') ?? d.errors[0];
      const msg = goYamlMessage(first, (off) => lc.linePos(off).line, lines);
      return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: ${msg}` };
    }
    let v: unknown;
    try {
      v = d.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (v === null || v === undefined) continue;
    objects.push(v);
  }
  return { ok: true, objects };
}

/** Client-side checks kubectl makes before talking to the server (`error validating "x": …`). */
function validateShape(v: unknown, source: string): string | undefined {
  const tail = '; if you choose to ignore these errors, turn validation off with --validate=false';
  if (!isRecord(v)) return `error validating ${JSON.stringify(source)}: error validating data: invalid object to validate${tail}`;
  const missing = [];
  if (typeof v.apiVersion !== 'string' || v.apiVersion === '') missing.push('apiVersion not set');
  if (typeof v.kind !== 'string' || v.kind === '') missing.push('kind not set');
  if (missing.length === 0) return undefined;
  const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  return `error validating ${JSON.stringify(source)}: error validating data: ${what}${tail}`;
}

function* readStdin(inv: Invocation) {
  let text = '';
  for (;;) {
    const chunk = yield* wait(inv.proc.stdin.read());
    if (chunk === null) break;
    text += chunk;
  }
  return text;
}

/** Files named by `-f`: a directory contributes its .json/.yaml/.yml files (recursively with -R). */
function expandPath(inv: Invocation, given: string, recursive: boolean): { ok: true; files: string[] } | { ok: false; error: string } {
  const fs = inv.host.fs;
  const abs = resolvePath(inv.proc.cwd, given);
  if (!fs.exists(abs)) return { ok: false, error: `the path ${JSON.stringify(given)} does not exist` };
  if (fs.stat(abs).kind !== 'dir') return { ok: true, files: [given] };
  const files: string[] = [];
  const walk = (dir: string, shown: string) => {
    for (const name of fs.readdir(dir)) {
      const full = `${dir}/${name}`;
      const label = `${shown.replace(/\/$/, '')}/${name}`;
      if (fs.stat(full).kind === 'dir') {
        if (recursive) walk(full, label);
        continue;
      }
      if (EXTENSIONS.some((e) => name.endsWith(e))) files.push(label);
    }
  };
  walk(abs, given);
  if (files.length === 0) return { ok: false, error: `error reading [${given}]: recognized file extensions are [${EXTENSIONS.join(' ')}]` };
  return { ok: true, files };
}

export function* readManifests(inv: Invocation, filenames: readonly string[], recursive = false) {
  const manifests: Manifest[] = [];
  const errors: string[] = [];
  for (const given of filenames) {
    let sources: { source: string; text: string }[] = [];
    if (given === '-') {
      sources = [{ source: 'STDIN', text: yield* readStdin(inv) }];
    } else if (/^https?:\/\//.test(given)) {
      // cli-runtime fetches URLs itself; a status other than 200 is reported with the URL (visitor.go readHttpWithRetries).
      const text = inv.host.web?.[given];
      if (text === undefined) errors.push(`unable to read URL ${JSON.stringify(given)}, server reported 404 Not Found, status code=404`);
      else sources = [{ source: given, text }];
    } else {
      const files = expandPath(inv, given, recursive);
      if (!files.ok) {
        errors.push(files.error);
        continue;
      }
      for (const f of files.files) {
        try {
          sources.push({ source: f, text: inv.host.fs.readFile(resolvePath(inv.proc.cwd, f)) });
        } catch (e) {
          errors.push(e instanceof FsError ? `open ${f}: ${e.text.toLowerCase()}` : String(e));
        }
      }
    }
    for (const { source, text } of sources) {
      const parsed = parseManifestText(text, source);
      if (!parsed.ok) {
        errors.push(parsed.error);
        continue;
      }
      for (const obj of parsed.objects) {
        const bad = validateShape(obj, source);
        if (bad) {
          errors.push(bad);
          continue;
        }
        const rec = obj as Record<string, unknown>;
        if (rec.kind === 'List' && Array.isArray(rec.items)) {
          for (const item of rec.items) {
            const badItem = validateShape(item, source);
            if (badItem) errors.push(badItem);
            else manifests.push({ source, obj: item as Record<string, unknown> });
          }
        } else manifests.push({ source, obj: rec });
      }
    }
  }
  const result: ManifestResult = errors.length > 0 ? { ok: false, errors } : { ok: true, manifests };
  return result;
}

/** Prints reading errors like kubectl: one with `error: `, several one per line without prefix. */
export function manifestErrorText(errors: readonly string[]): string {
  if (errors.length === 1) return `error: ${errors[0]}\n`;
  return errors.map((e) => `${e}\n`).join('');
}
