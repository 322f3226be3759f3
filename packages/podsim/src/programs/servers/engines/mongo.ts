/**
 * The data side of mongod for its shells: databases of collections of documents, reached by
 * database commands (ping, buildInfo, insert, find with equality filters, delete, drop,
 * listDatabases, listCollections) as the drivers send them. Other commands get mongod's
 * CommandNotFound error.
 */
import type { Session } from '../../../kernel/net.js';

export type Doc = Record<string, unknown>;

/** An ObjectId as the shells print it; hex from a counter so runs are reproducible. */
export class ObjectId {
  constructor(readonly hex: string) {}
}

const matches = (doc: Doc, filter: Doc) =>
  Object.entries(filter).every(([k, v]) => {
    const got = doc[k];
    return got instanceof ObjectId && v instanceof ObjectId ? got.hex === v.hex : JSON.stringify(got) === JSON.stringify(v);
  });

export class MongoEngine {
  private readonly dbs = new Map<string, Map<string, Doc[]>>();
  private ids = 0;

  constructor(
    readonly version: string,
    private readonly epoch: () => number,
  ) {}

  session(): Session {
    return { protocol: 'mongo', request: (m) => this.command((m as { db: string }).db, (m as { cmd: Doc }).cmd) };
  }

  private collection(db: string, name: string, create: boolean): Doc[] | undefined {
    let d = this.dbs.get(db);
    if (!d && create) this.dbs.set(db, (d = new Map()));
    let c = d?.get(name);
    if (d && !c && create) d.set(name, (c = []));
    return c;
  }

  command(db: string, cmd: Doc): Doc {
    const name = Object.keys(cmd)[0] ?? '';
    const arg = cmd[name];
    switch (name) {
      case 'ping':
        return { ok: 1 };
      case 'buildInfo':
      case 'buildinfo':
        return { version: this.version, versionArray: [...this.version.split('.').map(Number), 0], bits: 64, ok: 1 };
      case 'hello':
      case 'isMaster':
        return { ismaster: true, maxWireVersion: 21, ok: 1 };
      case 'insert': {
        const docs = (cmd.documents as Doc[]).map((d) => ('_id' in d ? d : { _id: this.objectId(), ...d }));
        this.collection(db, String(arg), true)!.push(...docs);
        return { n: docs.length, ok: 1, insertedIds: docs.map((d) => d._id) };
      }
      case 'find':
      case 'count': {
        const found = (this.collection(db, String(arg), false) ?? []).filter((d) => matches(d, (cmd.filter ?? cmd.query ?? {}) as Doc));
        return name === 'count' ? { n: found.length, ok: 1 } : { cursor: { firstBatch: found, id: 0, ns: `${db}.${String(arg)}` }, ok: 1 };
      }
      case 'delete': {
        const c = this.collection(db, String(arg), false) ?? [];
        let n = 0;
        for (const del of cmd.deletes as { q: Doc; limit: number }[]) {
          for (let i = 0; i < c.length; i++) {
            if (!matches(c[i], del.q)) continue;
            c.splice(i--, 1);
            n++;
            if (del.limit === 1) break;
          }
        }
        return { n, ok: 1 };
      }
      case 'drop':
        return this.dbs.get(db)?.delete(String(arg)) ? { ok: 1 } : { ok: 0, errmsg: 'ns not found', code: 26, codeName: 'NamespaceNotFound' };
      case 'dropDatabase':
        this.dbs.delete(db);
        return { ok: 1 };
      case 'listCollections':
        return { cursor: { firstBatch: [...(this.dbs.get(db)?.keys() ?? [])].map((n) => ({ name: n, type: 'collection' })) }, ok: 1 };
      case 'listDatabases': {
        const user = [...this.dbs.keys()].map((n) => ({ name: n, sizeOnDisk: 8192 * (1 + (this.dbs.get(n)?.size ?? 0)), empty: false }));
        const system = [{ name: 'admin', sizeOnDisk: 40960 }, { name: 'config', sizeOnDisk: 12288 }, { name: 'local', sizeOnDisk: 40960 }];
        return { databases: [...system, ...user].sort((a, b) => a.name.localeCompare(b.name)), ok: 1 };
      }
      default:
        return { ok: 0, errmsg: `no such command: '${name}'`, code: 59, codeName: 'CommandNotFound' };
    }
  }

  private objectId(): ObjectId {
    const seconds = Math.floor(this.epoch() / 1000).toString(16).padStart(8, '0');
    return new ObjectId(`${seconds}a1b2c3d4e5${(++this.ids).toString(16).padStart(6, '0')}`);
  }
}
