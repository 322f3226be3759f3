/** Shell arithmetic `$(( … ))`: C-like integer expressions over shell variables. */

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

const BINARY: [string, number][] = [
  ['||', 1],
  ['&&', 2],
  ['|', 3],
  ['^', 4],
  ['&', 5],
  ['==', 6],
  ['!=', 6],
  ['<=', 7],
  ['>=', 7],
  ['<', 7],
  ['>', 7],
  ['<<', 8],
  ['>>', 8],
  ['+', 9],
  ['-', 9],
  ['*', 10],
  ['/', 10],
  ['%', 10],
  ['**', 11],
];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%='];

/** Evaluates `expr`; throws ArithError with bash's wording on bad input. */
export function evaluate(expr: string, vars: ArithVars): number {
  const toks = expr.match(/\s+|0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|\+\+|--|[-+*/%]=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~?:=&|^,]|./g) ?? [];
  const ts = toks.filter((t) => !/^\s+$/.test(t));
  let i = 0;
  const peek = () => ts[i];
  const fail = (): never => {
    const rest = ts.slice(i).join(' ');
    throw new ArithError(`${expr.trim()}: syntax error: ${rest ? `operand expected (error token is "${rest}")` : 'operand expected (error token is "")'}`);
  };
  const num = (name: string): number => {
    const v = vars.get(name) ?? '';
    if (v.trim() === '') return 0;
    if (/^-?\d+$/.test(v.trim())) return Number(v.trim());
    return evaluate(v, vars);
  };
  const toInt = (n: number) => (Number.isFinite(n) ? Math.trunc(n) : 0);

  function primary(): number {
    const t = ts[i++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = comma();
      if (ts[i++] !== ')') fail();
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (t === '++' || t === '--') {
      const name = ts[i++];
      if (!name || !/^[A-Za-z_]/.test(name)) fail();
      const v = num(name) + (t === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    if (/^0\d+$/.test(t)) return parseInt(t, 8);
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = peek();
      if (op === '++' || op === '--') {
        i++;
        const v = num(t);
        vars.set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      if (op !== undefined && ASSIGN.includes(op) && ts[i + 1] !== '=') {
        i++;
        const rhs = ternary();
        const cur = num(t);
        const v = op === '=' ? rhs : binop(op.slice(0, -1), cur, rhs);
        vars.set(t, String(v));
        return v;
      }
      return num(t);
    }
    i--;
    return fail();
  }

  function binop(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return Math.imul(a, b);
      case '/':
      case '%':
        if (b === 0) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${ts.slice(i - 1).join('')}")`);
        return op === '/' ? toInt(a / b) : a % b;
      case '**':
        return toInt(a ** b);
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '<':
        return +(a < b);
      case '>':
        return +(a > b);
      case '<=':
        return +(a <= b);
      case '>=':
        return +(a >= b);
      case '==':
        return +(a === b);
      case '!=':
        return +(a !== b);
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&&':
        return +(a !== 0 && b !== 0);
      case '||':
        return +(a !== 0 || b !== 0);
    }
    return fail();
  }

  function binary(minPrec: number): number {
    let left = primary();
    for (;;) {
      const op = peek();
      const entry = BINARY.find(([o]) => o === op);
      if (!entry || entry[1] < minPrec) return left;
      i++;
      const right = binary(op === '**' ? entry[1] : entry[1] + 1);
      left = binop(op!, left, right);
    }
  }

  function ternary(): number {
    const c = binary(1);
    if (peek() !== '?') return c;
    i++;
    const a = comma();
    if (ts[i++] !== ':') fail();
    const b = ternary();
    return c ? a : b;
  }

  function comma(): number {
    let v = ternary();
    while (peek() === ',') {
      i++;
      v = ternary();
    }
    return v;
  }

  if (ts.length === 0) return 0;
  const v = comma();
  if (i < ts.length) fail();
  return toInt(v);
}
