/**
 * mongosh 2.3 (and the legacy `mongo` shell of the 4.x images): connection banner and errors,
 * `--eval`, a prompt, and the statements the tutorials type: show dbs/collections, use,
 * db.runCommand/adminCommand, db.<coll>.insertOne/insertMany/find/findOne/countDocuments/
 * deleteOne/deleteMany/drop. Anything else says it is not simulated. The server side is
 * programs/servers/engines/mongo.ts.
 */
import { machineOf } from '../../kernel/machine.js';
import type { Session } from '../../kernel/net.js';
import type { Proc, Program } from '../../kernel/process.js';
import { Host } from '../runtimes/host.js';
import type { Doc } from '../servers/engines/mongo.js';
import { inspect, LiteralError, parseLiteral, tojson } from './js-literal.js';
import { openSession } from './wire.js';

export const MONGOSH_VERSION = '2.3.4';

/** mongosh's first start in a home directory tells about telemetry, then keeps its config there. */
function firstRunNotice(proc: Proc): string {
  const fs = machineOf(proc).fs;
  const dir = `${proc.env.HOME ?? '/root'}/.mongodb/mongosh`;
  try {
    fs.readFile(`${dir}/config`);
    return '';
  } catch {
    // first start: the notice, and the config that silences it next time
  }
  try {
    fs.mkdir(dir, true);
    fs.writeFile(`${dir}/config`, '{"enableTelemetry":true}\n');
  } catch {
    // a read-only home: mongosh tells again next time
  }
  return '\nTo help improve our products, anonymous usage data is collected and sent to MongoDB periodically (https://www.mongodb.com/legal/privacy-policy).\nYou can opt-out by running the disableTelemetry() command.\n\n';
}

class ShellError extends Error {}

interface Shell {
  session: Session;
  db: string;
  legacy: boolean;
}

function call(sh: Shell, cmd: Doc, db = sh.db): Doc {
  const reply = sh.session.request({ db, cmd }) as Doc;
  if (reply.ok === 0 && !sh.legacy) throw new ShellError(`MongoServerError[${String(reply.codeName)}]: ${String(reply.errmsg)}`);
  return reply;
}

/** Arguments of a call: `(a, b)` → values (literals only). */
function args(text: string): unknown[] {
  const inner = text.trim();
  if (!inner.startsWith('(') || !inner.endsWith(')')) throw new LiteralError('Unexpected token');
  let rest = inner.slice(1, -1).trim();
  const out: unknown[] = [];
  while (rest !== '') {
    const { value, rest: after } = parseLiteral(rest);
    out.push(value);
    rest = after.replace(/^,\s*/, '');
  }
  return out;
}

type Result = { value: unknown } | { text: string } | undefined;

function collectionMethod(sh: Shell, coll: string, method: string, a: unknown[]): Result {
  const filter = (a[0] ?? {}) as Doc;
  switch (method) {
    case 'insertOne':
    case 'insertMany': {
      const docs = (method === 'insertOne' ? [a[0]] : (a[0] as Doc[])) as Doc[];
      const r = call(sh, { insert: coll, documents: docs });
      const ids = r.insertedIds as unknown[];
      if (sh.legacy) return { text: tojson(method === 'insertOne' ? { acknowledged: true, insertedId: ids[0] } : { acknowledged: true, insertedIds: ids }) };
      return { value: method === 'insertOne' ? { acknowledged: true, insertedId: ids[0] } : { acknowledged: true, insertedIds: Object.fromEntries(ids.map((id, i) => [String(i), id])) } };
    }
    case 'find':
    case 'findOne': {
      const docs = ((call(sh, { find: coll, filter }).cursor as Doc).firstBatch as Doc[]);
      if (method === 'findOne') return sh.legacy ? { text: docs[0] ? tojson(docs[0]) : 'null' } : { value: docs[0] ?? null };
      if (sh.legacy) return docs.length ? { text: docs.map((d) => tojson(d, '', true)).join('\n') } : undefined;
      return { value: docs };
    }
    case 'countDocuments':
    case 'count':
      return { value: call(sh, { count: coll, query: filter }).n };
    case 'deleteOne':
    case 'deleteMany': {
      const r = call(sh, { delete: coll, deletes: [{ q: filter, limit: method === 'deleteOne' ? 1 : 0 }] });
      return sh.legacy ? { text: tojson({ acknowledged: true, deletedCount: r.n }) } : { value: { acknowledged: true, deletedCount: r.n } };
    }
    case 'drop':
      return { value: call(sh, { drop: coll }).ok === 1 };
    default:
      return notSimulated(`db.${coll}.${method}()`);
  }
}

function notSimulated(what: string): never {
  throw new ShellError(`MongoshUnimplementedError: ${what} is not simulated in this sandbox (supported: show dbs, use, db.runCommand, insertOne/insertMany/find/findOne/countDocuments/deleteOne/deleteMany/drop)`);
}

function evaluate(sh: Shell, stmt: string): Result {
  const s = stmt.trim().replace(/;$/, '').trim();
  if (s === '') return undefined;
  let m = /^show\s+(dbs|databases|collections|tables)$/.exec(s);
  if (m) {
    if (m[1] === 'dbs' || m[1] === 'databases') {
      const dbs = call(sh, { listDatabases: 1 }, 'admin').databases as { name: string; sizeOnDisk: number }[];
      const w = Math.max(...dbs.map((d) => d.name.length)) + 2;
      return { text: dbs.map((d) => (sh.legacy ? `${d.name.padEnd(w)}${(d.sizeOnDisk / 1e9).toFixed(3)}GB` : `${d.name.padEnd(w)}${(d.sizeOnDisk / 1024).toFixed(2)} KiB`)).join('\n') };
    }
    const names = ((call(sh, { listCollections: 1 }).cursor as Doc).firstBatch as { name: string }[]).map((c) => c.name);
    return names.length ? { text: names.join('\n') } : undefined;
  }
  if ((m = /^use\s+(\S+)$/.exec(s))) {
    sh.db = m[1];
    return { text: `switched to db ${m[1]}` };
  }
  if (s === 'db') return { text: sh.db };
  if ((m = /^db\.(getName|version|getCollectionNames|dropDatabase)\(\)$/.exec(s))) {
    if (m[1] === 'getName') return { value: sh.db };
    if (m[1] === 'version') return { value: (call(sh, { buildInfo: 1 }).version as string) };
    if (m[1] === 'dropDatabase') return { value: { ok: 1, dropped: sh.db } };
    return { value: ((call(sh, { listCollections: 1 }).cursor as Doc).firstBatch as { name: string }[]).map((c) => c.name) };
  }
  if ((m = /^db\.(runCommand|adminCommand)\s*(\(.*\))$/s.exec(s))) {
    const [cmd] = args(m[2]);
    const doc = typeof cmd === 'string' ? { [cmd]: 1 } : (cmd as Doc);
    const reply = call(sh, doc, m[1] === 'adminCommand' ? 'admin' : sh.db);
    return sh.legacy ? { text: tojson(reply) } : { value: reply };
  }
  if ((m = /^db\.(?:getCollection\(\s*['"]([^'"]+)['"]\s*\)|([A-Za-z_][\w]*))\.([A-Za-z]+)\s*(\(.*\))$/s.exec(s))) {
    return collectionMethod(sh, m[1] ?? m[2], m[3], args(m[4]));
  }
  return notSimulated(`'${s}'`);
}

/** `mongodb://host:port/db`, `host:port/db`, `db` → parts (the URI's host wins over --host). */
function target(uri: string | undefined, host: string, port: number): { host: string; port: number; db: string } {
  if (!uri) return { host, port, db: 'test' };
  const m = /^(?:mongodb:\/\/)?(?:[^@/]*@)?(?:([^:/]+)(?::(\d+))?)?(?:\/([^?]*))?/.exec(uri);
  if (!uri.includes('/') && !uri.includes(':') && !uri.startsWith('mongodb')) return { host, port, db: uri };
  return { host: m?.[1] ?? host, port: m?.[2] ? Number(m[2]) : port, db: m?.[3] || 'test' };
}

function shell(legacy: boolean): Program {
  return function* (proc: Proc) {
    const argv = proc.argv.slice(1);
    let host = '127.0.0.1';
    let port = 27017;
    let evalText: string | undefined;
    let quiet = false;
    let uri: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--host') host = argv[++i] ?? host;
      else if (a === '--port') port = Number(argv[++i]);
      else if (a === '--eval') evalText = argv[++i];
      else if (a === '--quiet') quiet = true;
      else if (a === '--version') {
        proc.stdout.write(legacy ? `MongoDB shell version v${proc.env.MONGO_VERSION ?? '4.4.29'}\n` : `${MONGOSH_VERSION}\n`);
        return 0;
      } else if (['-u', '--username', '-p', '--password', '--authenticationDatabase'].includes(a)) i++;
      else if (a === '--nodb' || a === '--norc') continue;
      else if (a.startsWith('-')) {
        proc.stderr.write(legacy ? `Error parsing command line: unrecognised option '${a}'\ntry 'mongo --help' for more information\n` : `MongoshInvalidInputError: [COMMON-10001] Unknown option: ${a}\n`);
        return legacy ? 2 : 1;
      } else uri = a;
    }
    const to = target(uri, host, port);
    const url = legacy
      ? `mongodb://${to.host}:${to.port}/${to.db === 'test' ? '' : to.db}?compressors=disabled&gssapiServiceName=mongodb`
      : `mongodb://${to.host}:${to.port}/${to.db === 'test' ? '' : to.db}?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+${MONGOSH_VERSION}`;
    const logId = Math.floor(proc.clock.now() / 1000).toString(16).padStart(8, '0') + proc.pid.toString(16).padStart(16, '0');
    if (!quiet) proc.stdout.write(legacy ? `MongoDB shell version v${proc.env.MONGO_VERSION ?? '4.4.29'}\nconnecting to: ${url}\n` : `Current Mongosh Log ID:\t${logId}\nConnecting to:\t\t${url}\n`);
    const opened = openSession(proc, to.host, to.port);
    if (!opened.ok) {
      const why = opened.error === 'ENOTFOUND' ? `getaddrinfo ENOTFOUND ${to.host}` : opened.error === 'EPROTO' ? `connection 1 to ${opened.ip}:${to.port} closed` : `connect ${opened.error} ${opened.ip}:${to.port}`;
      if (legacy) proc.stdout.write(`Error: couldn't connect to server ${to.host}:${to.port}, connection attempt failed: SocketException: Error connecting to ${to.host}:${to.port} :: caused by :: Connection refused :\nconnect@src/mongo/shell/mongo.js:374:17\n@(connect):2:6\nexception: connect failed\nexiting with code 1\n`);
      else proc.stderr.write(`MongoNetworkError: ${why}\n`);
      return 1;
    }
    const sh: Shell = { session: opened.session, db: to.db, legacy };
    const version = String((sh.session.request({ db: 'admin', cmd: { buildInfo: 1 } }) as Doc).version);
    if (!quiet && !legacy) proc.stdout.write(`Using MongoDB:\t\t${version}\nUsing Mongosh:\t\t${MONGOSH_VERSION}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n${firstRunNotice(proc)}`);
    if (!quiet && legacy) proc.stdout.write(`MongoDB server version: ${version}\n`);
    const show = (r: Result) => {
      if (!r) return;
      proc.stdout.write(`${'text' in r ? r.text : inspect(r.value)}\n`);
    };
    const run = (stmt: string): boolean => {
      try {
        show(evaluate(sh, stmt));
        return true;
      } catch (e) {
        const text = e instanceof LiteralError ? `SyntaxError: ${e.message}` : e instanceof Error ? e.message : String(e);
        proc.stderr.write(legacy ? `uncaught exception: ${text}\n` : `${text}\n`);
        return false;
      }
    };
    if (evalText !== undefined) return run(evalText) ? 0 : 1;
    const lines = new Host(proc);
    const interactive = proc.stdin.isTTY === true;
    for (;;) {
      if (interactive) proc.stdout.write(legacy ? '> ' : `${sh.db}> `);
      const line = yield* lines.readLine();
      if (line === undefined) return 0;
      if (/^\s*(exit|quit)(\(\))?\s*;?\s*$/.test(line)) return 0;
      run(line);
    }
  };
}

export const mongosh = shell(false);
export const mongoLegacy = shell(true);
