/**
 * kubectl's go-template printer (cli-runtime pkg/printers/template.go): the object as JSON decoded
 * into map[string]interface{}, a template named "output" with kubectl's `exists` and `base64decode`,
 * missing keys printing `<no value>` unless --allow-missing-template-keys=false, and on a failed
 * execution the partial output plus kubectl's debugging block on stdout.
 */
import { goMarshal } from '../../../api/rest/json.js';
import { Executor, ExecError } from './exec.js';
import { FUNCS } from './funcs.js';
import { ParseError, parseTemplate, type Tree } from './parse.js';
import { fromJson, goQuote, sprintV } from './values.js';

export type GoTemplateResult = { ok: true; text: string } | { ok: false; message: string; text: string };

export interface GoTemplateOptions {
  allowMissingKeys?: boolean;
  /** Go struct field order in the debugging block's raw JSON (objects built client-side); sorted keys otherwise. */
  structOrder?: boolean;
}

/** encoding/json's compact form of the object, map keys sorted unless it came in struct order. */
function goJson(v: unknown, sortKeys: boolean): string {
  const sorted = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sorted);
    if (x === null || typeof x !== 'object') return x;
    const keys = Object.keys(x as object);
    if (sortKeys) keys.sort();
    return Object.fromEntries(keys.map((k) => [k, sorted((x as Record<string, unknown>)[k])]));
  };
  return goMarshal(sorted(v));
}

type Parsed = { ok: true; tree: Tree } | { ok: false; message: string; text: string };

/** Parses as kubectl does when it builds the printer, before any request: the error text is kubectl's. */
export function parseGoTemplate(template: string): Parsed {
  try {
    return { ok: true, tree: parseTemplate(template, (name) => name in FUNCS) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: `error parsing template ${template}, ${e.message}`, text: '' };
    throw e;
  }
}

export function printGoTemplate(template: string, data: unknown, opts: GoTemplateOptions = {}): GoTemplateResult {
  const parsed = parseGoTemplate(template);
  if (!parsed.ok) return parsed;
  const tree = parsed.tree;
  const root = fromJson(data);
  const ex = new Executor(template, tree, opts.allowMissingKeys === false, root);
  try {
    ex.run(root);
    return { ok: true, text: ex.out };
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\traw data was:\n\t\t${goJson(data, !opts.structOrder)}\n` +
      `\tobject given to template engine was:\n\t\t${sprintV(root)}\n\n`;
    return { ok: false, message: `error executing template ${goQuote(template)}: ${e.message}`, text: ex.out + debug };
  }
}
