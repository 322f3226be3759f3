/**
 * `-o/--output` values and how each verb's objects are printed with them. Table output goes through
 * the PRINTERS' TablePrinter; yaml/json/name/jsonpath/custom-columns through their printers.
 */
import type { KubeObject, ResourceInfo } from '../api/types.js';
import type { Invocation } from './command.js';
import { plainError } from './errors.js';
import { CustomColumnsPrinter, parseCustomColumns } from './printers/custom-columns.js';
import { toJson } from './printers/json.js';
import { printGoTemplate } from './printers/go-template.js';
import { printJsonPath } from './printers/jsonpath.js';
import { listOf } from './printers/list.js';
import { printName } from './printers/name.js';
import { YamlPrinter, toYaml } from './printers/yaml.js';
import { kindPrefix } from './resource-args.js';

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'name' }
  | { type: 'jsonpath'; template: string }
  | { type: 'go-template'; template: string }
  | { type: 'custom-columns'; spec: string };

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/**
 * Parses `-o`. `tables` is true for commands that print tables (get); others (create, apply, run…)
 * only know object formats and print `<kind>/<name> <verb>` by default.
 */
export function parseOutputFormat(o: string, tables: boolean): { ok: true; format: OutputFormat | undefined } | { ok: false; message: string } {
  if (o === '') return { ok: true, format: tables ? { type: 'table', wide: false } : undefined };
  if (o === 'yaml') return { ok: true, format: { type: 'yaml' } };
  if (o === 'json') return { ok: true, format: { type: 'json' } };
  if (o === 'name') return { ok: true, format: { type: 'name' } };
  if (tables && o === 'wide') return { ok: true, format: { type: 'table', wide: true } };
  if (o === 'jsonpath' || o === 'jsonpath-as-json' || o === 'go-template' || o === 'template') return { ok: false, message: 'template format specified but no template given' };
  const eq = o.indexOf('=');
  if (eq > 0) {
    const kind = o.slice(0, eq);
    const rest = o.slice(eq + 1);
    if (kind === 'jsonpath') return { ok: true, format: { type: 'jsonpath', template: rest } };
    if (kind === 'go-template' || kind === 'template') return { ok: true, format: { type: 'go-template', template: rest } };
    if (tables && kind === 'custom-columns') return { ok: true, format: { type: 'custom-columns', spec: rest } };
  }
  return { ok: false, message: `unable to match a printer suitable for the output format ${JSON.stringify(o)}, allowed formats are: ${tables ? GET_FORMATS : OBJECT_FORMATS}` };
}

/** `pod/nginx created`, `deployment.apps/web configured (dry run)`. */
export function actionLine(info: Pick<ResourceInfo, 'kind' | 'group'>, name: string, action: string, dryRun: 'none' | 'client' | 'server' = 'none'): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(info)}/${name} ${action}${suffix}\n`;
}

export interface RenderOptions {
  /** One object was asked for by name: print it alone rather than wrapped in a List. */
  single?: boolean;
  /** Watch output: each object its own document (`---` between YAML documents). */
  separateDocuments?: boolean;
  yamlPrinter?: YamlPrinter;
  /** JSON in insertion (Go struct) order: objects built client-side, as `--dry-run=client` prints them. */
  structOrder?: boolean;
  noHeaders?: boolean;
}

/**
 * Prints objects in an object format (everything but tables) to stdout, or kubectl's error for a
 * bad template to stderr. Returns false after an error.
 */
export function printObjects(inv: Invocation, format: OutputFormat, items: { info: Pick<ResourceInfo, 'kind' | 'group'>; obj: KubeObject }[], opts: RenderOptions = {}): boolean {
  const objs = items.map((i) => i.obj);
  const whole = opts.single && objs.length === 1 ? objs[0] : listOf(objs);
  switch (format.type) {
    case 'name':
      inv.out(objs.map((o) => printName(o)).join(''));
      return true;
    case 'yaml':
      if (opts.separateDocuments) {
        const p = opts.yamlPrinter ?? new YamlPrinter();
        inv.out(objs.map((o) => p.print(o)).join(''));
      } else inv.out(toYaml(whole));
      return true;
    case 'json':
      inv.out(opts.separateDocuments ? objs.map((o) => toJson(o)).join('') : toJson(whole, { sortKeys: !opts.structOrder }));
      return true;
    case 'jsonpath': {
      const r = opts.separateDocuments ? objs.map((o) => printJsonPath(format.template, o)) : [printJsonPath(format.template, whole)];
      for (const x of r) {
        if (!x.ok) {
          inv.err(plainError(x.message));
          return false;
        }
        inv.out(x.text);
      }
      return true;
    }
    case 'go-template': {
      const r = printGoTemplate(format.template, whole);
      if (!r.ok) {
        inv.err(plainError(r.message));
        return false;
      }
      inv.out(r.text);
      return true;
    }
    case 'custom-columns': {
      const cols = parseCustomColumns(format.spec);
      if (!cols.ok) {
        inv.err(plainError(cols.message));
        return false;
      }
      inv.out(new CustomColumnsPrinter(cols.columns, opts.noHeaders).print(objs));
      return true;
    }
    default:
      return true;
  }
}
