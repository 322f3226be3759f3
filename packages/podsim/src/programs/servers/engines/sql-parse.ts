/**
 * The SQL the database clients' tutorials type, parsed into statements: SELECT (expressions,
 * FROM one table, WHERE, ORDER BY, LIMIT), CREATE/DROP TABLE and DATABASE, INSERT, UPDATE, DELETE,
 * SHOW DATABASES/TABLES and USE, MySQL's CHANGE MASTER TO and START/STOP SLAVE. Expressions: literals,
 * columns, + - * / ||, comparisons, AND/OR/NOT, MySQL's @@system variables, and a few functions. Anything
 * else is reported as not supported, never guessed at.
 */
export type Expr =
  | { k: 'lit'; v: string | number | null }
  | { k: 'col'; name: string }
  | { k: 'star' }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'op'; op: string; a: Expr; b: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'sysvar'; name: string };

export interface Item {
  expr: Expr;
  alias?: string;
  /** The expression as written (MySQL names result columns by it). */
  text: string;
}

/** A table as named: MySQL's `db.table` names another database than the session's. */
export interface TableRef {
  name: string;
  at: number;
  db?: string;
}

export type Stmt =
  | { k: 'select'; items: Item[]; from?: TableRef; where?: Expr; order?: { expr: Expr; desc: boolean }[]; limit?: number }
  | { k: 'createTable'; name: string; db?: string; ifNotExists: boolean; columns: { name: string; type: string; auto: boolean }[] }
  | { k: 'dropTable'; names: string[]; ifExists: boolean }
  | { k: 'createDatabase'; name: string; ifNotExists: boolean }
  | { k: 'dropDatabase'; name: string; ifExists: boolean }
  | { k: 'insert'; table: TableRef; columns?: string[]; rows: Expr[][] }
  | { k: 'update'; table: TableRef; set: [string, Expr][]; where?: Expr }
  | { k: 'delete'; table: TableRef; where?: Expr }
  | { k: 'show'; what: 'databases' | 'tables' }
  | { k: 'use'; name: string }
  | { k: 'changeMaster'; options: Record<string, string | number> }
  | { k: 'slave'; start: boolean };

interface Token {
  t: 'word' | 'ident' | 'num' | 'str' | 'sym' | 'sysvar' | 'end';
  v: string;
  at: number;
}

export class SqlSyntaxError extends Error {
  constructor(
    readonly near: string,
    readonly at: number,
  ) {
    super(near === '' ? 'syntax error at end of input' : `syntax error at or near "${near}"`);
  }
}

/** A valid statement this sandbox does not run (its first words, for the message). */
export class SqlUnsupported extends Error {}

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|--[^\n]*|(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|"([^"]*)"|`([^`]*)`|([A-Za-z_][\w$]*)|@@(?:(?:global|session)\.)?([A-Za-z_]\w*)|(<>|!=|<=|>=|\|\||::|[=<>(),;*+\-/.%])/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < sql.length) {
    re.lastIndex = at;
    m = re.exec(sql);
    if (!m) throw new SqlSyntaxError(sql[at], at);
    if (m[1] !== undefined) out.push({ t: 'num', v: m[1], at });
    else if (m[2] !== undefined) out.push({ t: 'str', v: m[2].replace(/''/g, "'"), at });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ t: 'ident', v: m[3] ?? m[4], at });
    else if (m[5] !== undefined) out.push({ t: 'word', v: m[5], at });
    else if (m[6] !== undefined) out.push({ t: 'sysvar', v: m[6], at });
    else if (m[7] !== undefined) out.push({ t: 'sym', v: m[7], at });
    at = re.lastIndex;
  }
  out.push({ t: 'end', v: '', at: sql.length });
  return out;
}

export function parseSql(sql: string): Stmt {
  const toks = tokenize(sql);
  let i = 0;
  const peek = () => toks[i];
  const isKw = (w: string) => peek().t === 'word' && peek().v.toUpperCase() === w;
  const fail = (): never => {
    throw new SqlSyntaxError(peek().t === 'str' ? `'${peek().v}'` : peek().v, peek().at);
  };
  const kw = (w: string) => (isKw(w) ? (i++, true) : false);
  const need = (w: string) => (kw(w) ? undefined : fail());
  const sym = (s: string) => (peek().t === 'sym' && peek().v === s ? (i++, true) : false);
  const needSym = (s: string) => (sym(s) ? undefined : fail());
  const name = (): string => {
    const t = peek();
    if (t.t !== 'word' && t.t !== 'ident') fail();
    i++;
    // Unquoted names fold to lower case in PostgreSQL; MySQL keeps them (both compare as written here).
    return t.t === 'word' ? t.v.toLowerCase() : t.v;
  };
  const tableRef = (): TableRef => {
    const at = peek().at;
    const first = name();
    return sym('.') ? { name: name(), at, db: first } : { name: first, at };
  };

  /** Type arguments and constraints: up to the next `,` or `)` outside parentheses. */
  const skipToComma = () => {
    for (let depth = 0; !(depth === 0 && peek().t === 'sym' && (peek().v === ',' || peek().v === ')')); i++) {
      if (peek().t === 'end') fail();
      if (peek().t === 'sym' && peek().v === '(') depth++;
      if (peek().t === 'sym' && peek().v === ')') depth--;
    }
  };
  const unsupported = (): never => {
    throw new SqlUnsupported(toks.slice(0, 2).map((t) => t.v.toUpperCase()).join(' ').trim());
  };

  const primary = (): Expr => {
    const t = peek();
    if (sym('(')) {
      const e = expr();
      needSym(')');
      return e;
    }
    if (t.t === 'num') return (i++, { k: 'lit', v: Number(t.v) });
    if (t.t === 'sysvar') return (i++, { k: 'sysvar', name: t.v.toLowerCase() });
    if (t.t === 'str') return (i++, { k: 'lit', v: t.v });
    if (sym('-')) return { k: 'op', op: '-', a: { k: 'lit', v: 0 }, b: primary() };
    if (sym('*')) return { k: 'star' };
    if (t.t === 'word' && t.v.toUpperCase() === 'NULL') return (i++, { k: 'lit', v: null });
    if (t.t === 'word' && /^(TRUE|FALSE)$/i.test(t.v)) return (i++, { k: 'lit', v: /^TRUE$/i.test(t.v) ? 1 : 0 });
    if (t.t === 'word' && /^(CURRENT_USER|CURRENT_DATE|CURRENT_TIMESTAMP)$/i.test(t.v)) return (i++, { k: 'call', name: t.v.toLowerCase(), args: [] });
    if (t.t === 'word' || t.t === 'ident') {
      const n = name();
      if (sym('(')) {
        const args: Expr[] = [];
        if (!sym(')')) {
          do args.push(expr());
          while (sym(','));
          needSym(')');
        }
        return { k: 'call', name: n, args };
      }
      if (sym('.')) return { k: 'col', name: name() };
      return { k: 'col', name: n };
    }
    return fail();
  };
  const cast = (): Expr => {
    const e = primary();
    if (sym('::')) name();
    return e;
  };
  const binary = (next: () => Expr, ops: string[]): (() => Expr) => () => {
    let e = next();
    for (;;) {
      const t = peek();
      const op = t.t === 'sym' ? t.v : t.t === 'word' ? t.v.toUpperCase() : '';
      if (!ops.includes(op)) return e;
      i++;
      e = { k: 'op', op, a: e, b: next() };
    }
  };
  const mul = binary(cast, ['*', '/', '%']);
  const add = binary(mul, ['+', '-', '||']);
  const cmp = binary(add, ['=', '<>', '!=', '<', '>', '<=', '>=', 'LIKE']);
  const not = (): Expr => (kw('NOT') ? { k: 'not', a: not() } : cmp());
  const and = binary(not, ['AND']);
  const expr = binary(and, ['OR']);

  const stmt = (): Stmt => {
    if (kw('SELECT')) {
      const items: Item[] = [];
      do {
        const start = peek().at;
        const e = expr();
        const text = sql.slice(start, peek().at).trim();
        let alias: string | undefined;
        if (kw('AS')) alias = name();
        else if (peek().t === 'ident' || (peek().t === 'word' && !/^(FROM|WHERE|ORDER|LIMIT)$/i.test(peek().v))) alias = name();
        items.push({ expr: e, alias, text });
      } while (sym(','));
      const s: Stmt & { k: 'select' } = { k: 'select', items };
      if (kw('FROM')) s.from = tableRef();
      if (kw('WHERE')) s.where = expr();
      if (kw('ORDER')) {
        need('BY');
        s.order = [];
        do s.order.push({ expr: expr(), desc: kw('DESC') || (kw('ASC'), false) });
        while (sym(','));
      }
      if (kw('LIMIT')) {
        const t = peek();
        if (t.t !== 'num') fail();
        i++;
        s.limit = Number(t.v);
      }
      return s;
    }
    if (kw('CREATE')) {
      if (kw('DATABASE') || kw('SCHEMA')) {
        const ifNotExists = kw('IF') ? (need('NOT'), need('EXISTS'), true) : false;
        return { k: 'createDatabase', name: name(), ifNotExists };
      }
      if (!kw('TABLE')) unsupported();
      const ifNotExists = kw('IF') ? (need('NOT'), need('EXISTS'), true) : false;
      const ref = tableRef();
      needSym('(');
      const columns: { name: string; type: string; auto: boolean }[] = [];
      do {
        if (isKw('PRIMARY') || isKw('UNIQUE') || isKw('CONSTRAINT') || isKw('FOREIGN') || isKw('KEY') || isKw('INDEX') || isKw('CHECK')) {
          skipToComma();
          continue;
        }
        const col = name();
        const type = name();
        const from = i;
        skipToComma();
        const auto = /serial$/i.test(type) || toks.slice(from, i).some((t) => t.t === 'word' && /^(AUTO_INCREMENT|IDENTITY)$/i.test(t.v));
        columns.push({ name: col, type: type.toLowerCase(), auto });
      } while (sym(','));
      needSym(')');
      return { k: 'createTable', name: ref.name, ...(ref.db !== undefined ? { db: ref.db } : {}), ifNotExists, columns };
    }
    if (kw('DROP')) {
      const database = kw('DATABASE') || kw('SCHEMA');
      if (!database && !kw('TABLE')) unsupported();
      const ifExists = kw('IF') ? (need('EXISTS'), true) : false;
      if (database) return { k: 'dropDatabase', name: name(), ifExists };
      const names: string[] = [];
      do names.push(tableRef().name);
      while (sym(','));
      return { k: 'dropTable', names, ifExists };
    }
    if (kw('INSERT')) {
      need('INTO');
      const table = tableRef();
      let columns: string[] | undefined;
      if (sym('(')) {
        columns = [];
        do columns.push(name());
        while (sym(','));
        needSym(')');
      }
      need('VALUES');
      const rows: Expr[][] = [];
      do {
        needSym('(');
        const row: Expr[] = [];
        do row.push(expr());
        while (sym(','));
        needSym(')');
        rows.push(row);
      } while (sym(','));
      return { k: 'insert', table, columns, rows };
    }
    if (kw('UPDATE')) {
      const table = tableRef();
      need('SET');
      const set: [string, Expr][] = [];
      do {
        const c = name();
        needSym('=');
        set.push([c, expr()]);
      } while (sym(','));
      return { k: 'update', table, set, where: kw('WHERE') ? expr() : undefined };
    }
    if (kw('DELETE')) {
      need('FROM');
      const table = tableRef();
      return { k: 'delete', table, where: kw('WHERE') ? expr() : undefined };
    }
    if (kw('SHOW')) {
      if (kw('DATABASES') || kw('SCHEMAS')) return { k: 'show', what: 'databases' };
      if (kw('TABLES')) return { k: 'show', what: 'tables' };
      unsupported();
    }
    if (kw('USE')) return { k: 'use', name: name() };
    if (kw('CHANGE')) {
      need('MASTER');
      need('TO');
      const options: Record<string, string | number> = {};
      do {
        const key = name().toUpperCase();
        needSym('=');
        const v = peek();
        if (v.t !== 'str' && v.t !== 'num') fail();
        i++;
        options[key] = v.t === 'num' ? Number(v.v) : v.v;
      } while (sym(','));
      return { k: 'changeMaster', options };
    }
    if ((isKw('START') || isKw('STOP')) && toks[1]?.t === 'word' && /^(SLAVE|REPLICA)$/i.test(toks[1].v)) {
      const start = kw('START') || (kw('STOP'), false);
      i++;
      return { k: 'slave', start };
    }
    if (peek().t === 'word' && /^(ALTER|GRANT|REVOKE|BEGIN|COMMIT|ROLLBACK|START|EXPLAIN|WITH|TRUNCATE|SET|DESCRIBE|DESC|VACUUM|ANALYZE|COPY|CALL|DO|LOCK|REPLACE|TABLE|VALUES|PREPARE|EXECUTE|LISTEN|NOTIFY|COMMENT|REINDEX|CLUSTER|DISCARD|RESET|SAVEPOINT|RELEASE)$/i.test(toks[0].v)) unsupported();
    return fail();
  };

  const s = stmt();
  sym(';');
  if (peek().t !== 'end') fail();
  return s;
}
