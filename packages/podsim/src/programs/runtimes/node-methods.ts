/**
 * The Array and String methods one-liners call (`[1,2,3].map(x => x * 2)`, `s.split(',')`), bound to their
 * receiver as JavaScript does. A name outside this list falls through to a plain member read.
 */
import { ScriptError, show, type Fn, type Value } from './expr.js';
import { fn } from './host.js';

function callback(f: Value): Fn {
  if (!f || typeof f !== 'object' || !('call' in f) || typeof f.call !== 'function') throw new ScriptError(`TypeError: ${show(f)} is not a function`);
  return f as Fn;
}

/** A string the sandbox will not build (V8's own limit is far higher; the worker's memory is not). */
const MAX_STRING = 10_000_000;
function bounded(length: number): number {
  if (length > MAX_STRING) throw new ScriptError('RangeError: Invalid string length');
  return length;
}

/** JavaScript's truthiness: the node dialect's conditions and the callbacks of filter/some/every/find. */
export const truthy = (v: Value): boolean => !(v === false || v === null || v === undefined || v === 0 || v === '' || Number.isNaN(v));

function arrayMethod(a: Value[], name: string): Value | undefined {
  switch (name) {
    case 'map':
      return fn(([f]) => a.map((x, i) => callback(f).call([x, i])));
    case 'filter':
      return fn(([f]) => a.filter((x, i) => truthy(callback(f).call([x, i]))));
    case 'forEach':
      return fn(([f]) => (a.forEach((x, i) => callback(f).call([x, i])), undefined));
    case 'reduce':
      return fn((args) => {
        const f = callback(args[0]);
        if (args.length < 2 && a.length === 0) throw new ScriptError('TypeError: Reduce of empty array with no initial value');
        return (args.length > 1 ? a : a.slice(1)).reduce((acc, x) => f.call([acc, x]), args.length > 1 ? args[1] : a[0]);
      });
    case 'some':
      return fn(([f]) => a.some((x, i) => truthy(callback(f).call([x, i]))));
    case 'every':
      return fn(([f]) => a.every((x, i) => truthy(callback(f).call([x, i]))));
    case 'find':
      return fn(([f]) => a.find((x, i) => truthy(callback(f).call([x, i]))));
    case 'join':
      return fn(([sep]) => a.map((x) => (x === null || x === undefined ? '' : show(x))).join(sep === undefined ? ',' : show(sep)));
    case 'includes':
      return fn(([x]) => a.includes(x));
    case 'indexOf':
      return fn(([x]) => a.indexOf(x));
    case 'slice':
      return fn(([s, e]) => a.slice(s as number | undefined, e as number | undefined));
    case 'concat':
      return fn((args) => a.concat(...args.map((x) => (Array.isArray(x) ? x : [x]))));
    case 'push':
      return fn((args) => a.push(...args));
    case 'pop':
      return fn(() => a.pop());
    case 'reverse':
      return fn(() => a.reverse());
    case 'sort':
      return fn(([f]) => (f === undefined ? a.sort((x, y) => (show(x) < show(y) ? -1 : show(x) > show(y) ? 1 : 0)) : a.sort((x, y) => Number(callback(f).call([x, y])))));
    default:
      return undefined;
  }
}

function stringMethod(s: string, name: string): Value | undefined {
  switch (name) {
    case 'toUpperCase':
      return fn(() => s.toUpperCase());
    case 'toLowerCase':
      return fn(() => s.toLowerCase());
    case 'trim':
      return fn(() => s.trim());
    case 'split':
      return fn(([sep]) => (sep === undefined ? [s] : s.split(show(sep))));
    case 'includes':
      return fn(([x]) => s.includes(show(x)));
    case 'startsWith':
      return fn(([x]) => s.startsWith(show(x)));
    case 'endsWith':
      return fn(([x]) => s.endsWith(show(x)));
    case 'indexOf':
      return fn(([x]) => s.indexOf(show(x)));
    case 'repeat':
      return fn(([n]) => {
        if (Number(n) < 0 || !Number.isFinite(Number(n))) throw new ScriptError(`RangeError: Invalid count value: ${show(n)}`);
        return s.repeat(bounded(s.length * Number(n)) / Math.max(s.length, 1));
      });
    case 'padStart':
      return fn(([n, pad]) => s.padStart(bounded(Number(n)), pad === undefined ? ' ' : show(pad)));
    case 'padEnd':
      return fn(([n, pad]) => s.padEnd(bounded(Number(n)), pad === undefined ? ' ' : show(pad)));
    case 'slice':
      return fn(([a, b]) => s.slice(a as number | undefined, b as number | undefined));
    case 'replace':
      return fn(([from, to]) => s.replace(show(from), show(to)));
    default:
      return undefined;
  }
}

export function jsMethod(v: Value, name: string): Value | undefined {
  if (Array.isArray(v)) return arrayMethod(v, name);
  if (typeof v === 'string') return stringMethod(v, name);
  return undefined;
}
