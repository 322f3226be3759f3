/**
 * The replicated MySQL StatefulSet (kubernetes/website tasks/run-application/run-replicated-stateful-application,
 * its mysql-configmap/-services/-statefulset.yaml) in virtual time: init containers derive each server's id
 * and clone the previous peer with xtrabackup through ncat, the sidecar starts replication from the primary,
 * and a row written to mysql-0 is read on every replica, each answering with its own server id.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

const corpus = JSON.parse(readFileSync(new URL('../../test/acceptance/corpus/tasks__run-application__run-replicated-stateful-application.json', import.meta.url), 'utf8')) as { examples: Record<string, string> };

describe('replicated MySQL StatefulSet', () => {
  it('clones, replicates from the primary and answers with each server id', () => {
    const files = Object.fromEntries(['mysql-configmap.yaml', 'mysql-services.yaml', 'mysql-statefulset.yaml'].map((f) => [f, corpus.examples[`application/mysql/${f}`]]));
    const sb = new Sandbox({ files });
    for (const f of Object.keys(files)) expect(sb.runLine(`kubectl apply -f ${f}`).exitCode).toBe(0);
    sb.advance(240_000);
    const pods = sb.runLine('kubectl get pods -l app=mysql --no-headers').output;
    expect(pods.split('\n').filter(Boolean).map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['mysql-0', '2/2', 'Running'],
      ['mysql-1', '2/2', 'Running'],
      ['mysql-2', '2/2', 'Running'],
    ]);
    expect(sb.runLine('kubectl exec mysql-1 -c clone-mysql -- true').exitCode).not.toBe(0);
    const write = sb.runLine(`kubectl exec mysql-0 -c mysql -- mysql -h 127.0.0.1 -e "CREATE DATABASE test; CREATE TABLE test.messages (message VARCHAR(250)); INSERT INTO test.messages VALUES ('hello');"`);
    expect(write.exitCode).toBe(0);
    for (const [pod, id] of [['mysql-1', 101], ['mysql-2', 102]] as const) {
      const read = sb.runLine(`kubectl exec ${pod} -c mysql -- mysql -h 127.0.0.1 -N -e "SELECT message, @@server_id FROM test.messages"`);
      // A tab in batch output; the terminal shows it as spaces.
      expect(read.output.trim().split(/\s+/)).toEqual(['hello', String(id)]);
    }
    // Replicas refuse writes of their own (replica.cnf: super-read-only).
    expect(sb.runLine(`kubectl exec mysql-1 -c mysql -- mysql -h 127.0.0.1 -e "CREATE DATABASE other"`).output).toContain('The MySQL server is running with the --super-read-only option so it cannot execute this statement');
  });
});
