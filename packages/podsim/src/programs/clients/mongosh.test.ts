/**
 * mongosh and the legacy mongo shell against the simulated mongod. Expected texts: the port-forward
 * task page of the Kubernetes docs (`db.runCommand( { ping: 1 } )` → `{ ok: 1 }`), the mongosh
 * manual's examples (insertOne's acknowledgement, `show dbs`, `use`), and the legacy shell's
 * tojson output (`{ "ok" : 1 }`).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../host/sandbox.js';
import { testPod } from '../../runtime/testing.js';

const ID = /ObjectId\('[0-9a-f]{24}'\)/g;

describe('mongosh', () => {
  it('pings, inserts and finds in a mongo:7 container', () => {
    const pod = testPod();
    const c = pod.run('mongo:7');
    pod.clock.advance(5000);
    const sh = (js: string) => pod.exec(c, ['mongosh', '--quiet', '--eval', js]).out.text;
    expect(sh('db.runCommand( { ping: 1 } )')).toBe('{ ok: 1 }\n');
    expect(sh("db.movies.insertOne({ title: 'Titanic', year: 1997 })").replace(ID, 'ID')).toBe('{\n  acknowledged: true,\n  insertedId: ID\n}\n');
    expect(sh("db.movies.find({ year: 1997 })").replace(ID, 'ID')).toBe("[\n  {\n    _id: ID,\n    title: 'Titanic',\n    year: 1997\n  }\n]\n");
    expect(sh('db.movies.countDocuments()')).toBe('1\n');
    expect(sh('show dbs')).toBe('admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\ntest    16.00 KiB\n');
  });

  it('greets with its banner and, on its first start in a home directory only, the telemetry notice (mongosh 2.3.4 as printed in public transcripts)', () => {
    const pod = testPod();
    const c = pod.run('mongo:8');
    pod.clock.advance(5000);
    const first = pod.exec(c, ['mongosh'], 'exit\n');
    pod.clock.advance(10);
    expect(first.out.text).toContain('Using Mongosh:\t\t2.3.4\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n\nTo help improve our products, anonymous usage data is collected and sent to MongoDB periodically (https://www.mongodb.com/legal/privacy-policy).\nYou can opt-out by running the disableTelemetry() command.\n');
    const again = pod.exec(c, ['mongosh'], 'exit\n');
    pod.clock.advance(10);
    expect(again.out.text).toContain('For mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n');
    expect(again.out.text).not.toContain('To help improve');
  });

  it('reads statements at its prompt; `use` switches the database', () => {
    const pod = testPod();
    const c = pod.run('mongo:7');
    pod.clock.advance(5000);
    const r = pod.exec(c, ['mongosh', '--quiet'], 'use shop\ndb.getName()\ndb.items.findOne()\nexit\n');
    pod.clock.advance(10);
    expect(r.out.text).toBe("switched to db shop\n'shop'\nnull\n");
  });

  it('fails clearly: a refused connection, a server error, a statement outside the subset', () => {
    const pod = testPod();
    const c = pod.run('mongo:7');
    pod.clock.advance(5000);
    const refused = pod.exec(c, ['mongosh', '--port', '28015']);
    expect(refused.proc.exitCode).toBe(1);
    expect(refused.out.text).toMatch(/^Current Mongosh Log ID:\t[0-9a-f]{24}\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:28015\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.3\.4\n$/);
    expect(refused.err.text).toBe('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:28015\n');
    const bad = pod.exec(c, ['mongosh', '--quiet', '--eval', 'db.runCommand({ frobnicate: 1 })']);
    expect(bad.err.text).toBe("MongoServerError[CommandNotFound]: no such command: 'frobnicate'\n");
    expect(bad.proc.exitCode).toBe(1);
    const js = pod.exec(c, ['mongosh', '--quiet', '--eval', 'for (let i = 0; i < 3; i++) print(i)']);
    expect(js.proc.exitCode).toBe(1);
    expect(js.err.text).toMatch(/not simulated in this sandbox/);
  });

  it('mongo:4.2 has the legacy mongo shell (no mongosh), printing tojson', () => {
    const pod = testPod();
    const c = pod.run('mongo:4.2');
    pod.clock.advance(5000);
    expect(pod.exec(c, ['mongo', '--quiet', '--eval', 'db.runCommand({ ping: 1 })']).out.text).toBe('{ "ok" : 1 }\n');
    expect(() => pod.exec(c, ['mongosh', '--version'])).toThrow(/executable file not found/);
  });

  it('reaches mongo:4.2 from the reader’s machine through kubectl port-forward, as the docs’ task does', async () => {
    const sb = new Sandbox();
    await sb.run('kubectl create deployment mongo --image=mongo:4.2 --port=27017');
    sb.advance(30_000);
    await sb.run('kubectl port-forward deployment/mongo 28015:27017 > pf.log &');
    const out = await sb.run("mongosh --port 28015 --eval 'db.runCommand( { ping: 1 } )'");
    expect(out.output).toMatch(/Using MongoDB:\s+4\.2\.\d+\nUsing Mongosh:\s+2\.3\.4\n[\s\S]*\n\{ ok: 1 \}\n$/);
    expect(sb.readFile('pf.log')).toContain('Handling connection for 28015\n');
  });
});
