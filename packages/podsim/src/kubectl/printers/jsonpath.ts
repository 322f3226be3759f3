/**
 * `kubectl -o jsonpath=…`: evaluates a parsed template against the object (as JSON) and prints the
 * results the way client-go does — strings raw, maps and lists as compact JSON, several results
 * of one action separated by spaces, `{range}`…`{end}` repeating its body per item. Missing keys
 * print nothing (kubectl's --allow-missing-template-keys=true). Models client-go
 * util/jsonpath/jsonpath.go and cli-runtime pkg/printers/jsonpath.go.
 */
import { goNumber, goSprint } from './go-format.js';
import { toCompactJson, toJson } from './json.js';
import { JsonPathSyntaxError, parseTemplate, type JpNode } from './jsonpath-parser.js';

type ListNode = JpNode & { type: 'list' };
type Value = unknown;

class JsonPathError extends Error {}

const isMap = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(v: Value): 'int' | 'float' | 'string' | 'bool' | 'other' {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

/** text/template's eq/lt family: same basic kind required, ints and floats are different kinds. */
function compare(op: string, a: Value, b: Value): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (op === '==' || op === '!=') {
    if (ka !== kb || ka === 'other') {
      if (ka === 'other' && kb === 'other') throw new JsonPathError('non-comparable types');
      throw new JsonPathError('incompatible types for comparison');
    }
    return op === '==' ? a === b : a !== b;
  }
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  if (ka === 'bool' || ka === 'other') throw new JsonPathError('invalid type for comparison');
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort().map((k) => v[k]);
  // Go indexes a string by byte, yielding numbers, which have no children
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

class Evaluator {
  private beginRange = 0;

  walk(input: Value[], node: JpNode): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce<Value[]>((cur, n) => this.walk(cur, n), input);
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'field': {
        const out: Value[] = [];
        for (const v of input) if (isMap(v) && Object.prototype.hasOwnProperty.call(v, node.name)) out.push(v[node.name]);
        return out;
      }
      case 'array':
        return this.array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'wildcard':
        return input.filter((v) => v !== null && v !== undefined).flatMap(children);
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return input;
        }
        if (node.name === 'end') throw new JsonPathError('not in range, nothing to end');
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  private array(input: Value[], params: [{ value: number; known: boolean; derived: boolean }, { value: number; known: boolean; derived: boolean }, { value: number; known: boolean }]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goType(v)} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      if (end === start) return out;
      if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError('step must be > 0');
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) out.push(v[i]);
    }
    return out;
  }

  private filter(input: Value[], node: JpNode & { type: 'filter' }): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        const lefts = this.walk([item], node.left);
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  private recursive(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        out.push(v);
        out.push(...this.recursive(kids));
      }
    }
    return out;
  }

  /** Runs `nodes` against `data`; returns the results of each action in order. */
  run(nodes: JpNode[], data: Value): Value[][] {
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (isKeyword(node, 'end')) throw new JsonPathError('not in range, nothing to end');
      this.beginRange = 0;
      const results = this.walk([data], node);
      if (this.beginRange === 0) {
        full.push(results);
        continue;
      }
      const endIndex = matchingEnd(nodes, i);
      const body = nodes.slice(i + 1, endIndex < 0 ? nodes.length : endIndex);
      for (const item of results) full.push(...this.run(body, item));
      if (endIndex < 0) break;
      i = endIndex;
    }
    return full;
  }
}

function isKeyword(node: JpNode, name: string): boolean {
  return node.type === 'list' && node.nodes[0]?.type === 'identifier' && node.nodes[0].name === name;
}

function matchingEnd(nodes: JpNode[], rangeIndex: number): number {
  let depth = 0;
  for (let k = rangeIndex + 1; k < nodes.length; k++) {
    if (isKeyword(nodes[k], 'range')) depth++;
    else if (isKeyword(nodes[k], 'end')) {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

/** Go's `%v` of a JSON value printed as text. */
function textOf(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

function printResults(results: Value[]): string {
  return results.map((r) => (Array.isArray(r) || isMap(r) ? toCompactJson(r) : textOf(r))).join(' ');
}

function goType(v: Value): string {
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

/** An approximation of Go's `%#v` for the debugging dump kubectl prints on execution errors. */
function goSyntax(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isMap(v))
    return `map[string]interface {}{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goSyntax(v[k])}`)
      .join(', ')}}`;
  if (typeof v === 'string') return JSON.stringify(v);
  return textOf(v);
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; message: string };

/** A compiled template; `null` template text means a parse error already reported by `compileJsonPath`. */
export interface JsonPathTemplate {
  /** `asJson` is `-o jsonpath-as-json`: each action's results as one indented JSON array. */
  execute(data: unknown, opts?: { asJson?: boolean }): JsonPathResult;
}

/** Parses `-o jsonpath=<template>`; the error message is what kubectl prints after `error: `. */
export function compileJsonPath(template: string): { ok: true; template: JsonPathTemplate } | { ok: false; message: string } {
  let root: ListNode;
  try {
    root = parseTemplate(template);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, message: `error parsing jsonpath ${template}, ${e.message}` };
    throw e;
  }
  return {
    ok: true,
    template: {
      execute(data: unknown, opts: { asJson?: boolean } = {}): JsonPathResult {
        const plain = JSON.parse(JSON.stringify(data ?? null)) as Value;
        try {
          const results = new Evaluator().run(root.nodes, plain);
          return { ok: true, text: results.map((r) => (opts.asJson ? toJson(r) : printResults(r))).join('') };
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          const debug =
            `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
            `\ttemplate was:\n\t\t${template}\n` +
            `\tobject given to jsonpath engine was:\n\t\t${goSyntax(plain)}\n\n`;
          return { ok: false, message: `error executing jsonpath ${JSON.stringify(template)}: ${debug}` };
        }
      },
    },
  };
}

/**
 * The raw values each action of a template yields (client-go FindResults), for --sort-by and
 * custom columns. Parse and execution errors yield no values.
 */
export function findResults(template: string, data: unknown): unknown[][] {
  let root: ListNode;
  try {
    root = parseTemplate(template);
  } catch {
    return [];
  }
  try {
    return new Evaluator().run(root.nodes, JSON.parse(JSON.stringify(data ?? null)) as Value);
  } catch {
    return [];
  }
}

/** One-shot form: parse and execute (`asJson` for `-o jsonpath-as-json`). */
export function printJsonPath(template: string, data: unknown, opts: { asJson?: boolean } = {}): JsonPathResult {
  const compiled = compileJsonPath(template);
  return compiled.ok ? compiled.template.execute(data, opts) : compiled;
}

/**
 * `.metadata.name`, `metadata.name` or `{.metadata.name}` → `{.metadata.name}`, as kubectl accepts
 * for --sort-by and custom columns (kubectl pkg/cmd/get RelaxedJSONPathExpression).
 */
export function relaxedJsonPath(expr: string): { ok: true; path: string } | { ok: false; message: string } {
  if (expr.length === 0) return { ok: true, path: expr };
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) return { ok: false, message: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return { ok: true, path: `{.${m[1] ?? m[2]}}` };
}
