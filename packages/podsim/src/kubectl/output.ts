/**
 * `-o/--output` values and how each verb's objects are printed with them. Table output goes through
 * the PRINTERS' TablePrinter; yaml/json/name/jsonpath/custom-columns through their printers.
 */
import type { KubeObject, ResourceInfo } from '../api/types.js';
import { LazyPart } from '../lazy/part.js';
import type { Invocation } from './command.js';
import { plainError } from './errors.js';
import { toJson } from './printers/json.js';
import formats from './printers/formats.lazy.js';
import type { FlagSpec } from './flags.js';
import { readLocalFile } from './local-files.js';
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
  | { type: 'go-template'; template: string; allowMissingKeys?: boolean }
  | { type: 'template-file'; kind: 'go-template' | 'jsonpath'; path: string }
  | { type: 'custom-columns'; spec: string };

/** The template, column and sorting printers, loaded after the prompt in the site's worker (kubectl waits for them). */
export const PRINTERS = new LazyPart('printers', formats);

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

const GO_TEMPLATE_FORMATS = ['go-template', 'template', 'go-template-file', 'templatefile'];
const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file'];

/**
 * Parses `-o`. `tables` is true for commands that print tables (get); others (create, apply, run…)
 * only know object formats and print `<kind>/<name> <verb>` by default. `template` is --template,
 * which a bare template format (`-o go-template`, `-o jsonpath-file`) takes as its value.
 */
export function parseOutputFormat(o: string, tables: boolean, template = ''): { ok: true; format: OutputFormat | undefined } | { ok: false; message: string } {
  if (o === '') return { ok: true, format: tables ? { type: 'table', wide: false } : undefined };
  if (o === 'yaml') return { ok: true, format: { type: 'yaml' } };
  if (o === 'json') return { ok: true, format: { type: 'json' } };
  if (o === 'name') return { ok: true, format: { type: 'name' } };
  if (tables && o === 'wide') return { ok: true, format: { type: 'table', wide: true } };
  const eq = o.indexOf('=');
  const kind = template ? o : eq > 0 ? o.slice(0, eq) : o;
  const value = template || (eq > 0 ? o.slice(eq + 1) : '');
  if (GO_TEMPLATE_FORMATS.includes(kind) || JSONPATH_FORMATS.includes(kind) || (!template && kind === 'jsonpath-as-json')) {
    if (value === '') return { ok: false, message: 'template format specified but no template given' };
    if (kind.endsWith('file')) return { ok: true, format: { type: 'template-file', kind: kind === 'jsonpath-file' ? 'jsonpath' : 'go-template', path: value } };
    if (kind === 'jsonpath') return { ok: true, format: { type: 'jsonpath', template: value } };
    if (kind !== 'jsonpath-as-json') return { ok: true, format: { type: 'go-template', template: value } };
  }
  if (tables && kind === 'custom-columns' && eq > 0 && !template) return { ok: true, format: { type: 'custom-columns', spec: value } };
  return { ok: false, message: `unable to match a printer suitable for the output format ${JSON.stringify(o)}, allowed formats are: ${tables ? GET_FORMATS : OBJECT_FORMATS}` };
}

/** --template and --allow-missing-template-keys, which every command printing objects has (cli-runtime PrintFlags). */
export const TEMPLATE_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: true, help: 'Print <no value> (go-template) or nothing (jsonpath) for a missing field instead of failing.' },
  { name: 'template', type: 'string', help: 'The template, or the path of a template file, for -o go-template, go-template-file, jsonpath and jsonpath-file.' },
];

/**
 * The printer kubectl builds from -o, --template and --allow-missing-template-keys (PrintFlags.ToPrinter):
 * --template alone means go-template, a -file format reads its template from disk, and a go-template
 * is parsed here, before anything is fetched.
 */
export function outputFormat(inv: Invocation, tables: boolean): { ok: true; format: OutputFormat | undefined } | { ok: false; message: string } {
  const template = inv.flags.str('template');
  const o = template && !inv.flags.has('output') ? 'go-template' : inv.flags.str('output');
  const parsed = parseOutputFormat(o, tables, template);
  if (!parsed.ok || !parsed.format) return parsed;
  let format = parsed.format;
  if (format.type === 'template-file') {
    const read = readLocalFile(inv, format.path);
    if (!read.ok) return { ok: false, message: `error reading --template ${format.path}, ${read.error}\n` };
    format = format.kind === 'jsonpath' ? { type: 'jsonpath', template: read.text } : { type: 'go-template', template: read.text };
  }
  if (format.type === 'go-template') {
    const p = PRINTERS.get().parseGoTemplate(format.template);
    if (!p.ok) return { ok: false, message: `${p.message}\n` };
    format.allowMissingKeys = !inv.flags.has('allow-missing-template-keys') || inv.flags.bool('allow-missing-template-keys');
  }
  return { ok: true, format };
}

/** `pod/nginx created`, `deployment.apps/web configured (dry run)`. */
export function actionLine(info: Pick<ResourceInfo, 'kind' | 'group'>, name: string, action: string, dryRun: 'none' | 'client' | 'server' = 'none'): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(info)}/${name} ${action}${suffix}\n`;
}

/**
 * One object a verb changed, as kubectl prints it: in the -o format when one is given, else as
 * `<kind>/<name> <action>`. False when the format could not print it.
 */
export function printChanged(inv: Invocation, format: OutputFormat | undefined, info: Pick<ResourceInfo, 'kind' | 'group'>, obj: KubeObject, action: string, dryRun: 'none' | 'client' | 'server' = 'none', name = obj.metadata.name ?? ''): boolean {
  if (format) return printObjects(inv, format, [{ info, obj }], { single: true });
  inv.out(actionLine(info, name, action, dryRun));
  return true;
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
      const r = opts.separateDocuments ? objs.map((o) => PRINTERS.get().printJsonPath(format.template, o)) : [PRINTERS.get().printJsonPath(format.template, whole)];
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
      // only the JSON and YAML printers leave managedFields out
      const objsWithFields = objs.map((o) => {
        const entries = inv.api.managedFields?.(o);
        return entries ? { ...o, metadata: { ...o.metadata, managedFields: entries } } : o;
      });
      const data = opts.single && objs.length === 1 ? objsWithFields[0] : listOf(objsWithFields);
      const r = PRINTERS.get().printGoTemplate(format.template, data, { allowMissingKeys: format.allowMissingKeys, structOrder: opts.structOrder });
      inv.out(r.text);
      if (!r.ok) inv.err(plainError(r.message));
      return r.ok;
    }
    case 'custom-columns': {
      const cols = PRINTERS.get().parseCustomColumns(format.spec);
      if (!cols.ok) {
        inv.err(plainError(cols.message));
        return false;
      }
      inv.out(new (PRINTERS.get().CustomColumnsPrinter)(cols.columns, opts.noHeaders).print(objs));
      return true;
    }
    default:
      return true;
  }
}
