/**
 * The client tools of the reader's machine that the tutorials pipe kubectl into. Expected outputs:
 * the jq 1.7 manual's examples (jqlang.github.io/jq/manual), the well-known digests of "hello\n"
 * (as GNU coreutils prints them), POSIX xargs semantics.
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

describe('jq on the reader’s machine', () => {
  it('runs the manual’s filters: paths, iteration, pipes, select, map, keys, length', async () => {
    const sb = new Sandbox();
    const jq = async (input: string, args: string) => (await sb.run(`echo '${input}' | jq ${args}`)).output;
    expect(await jq('{"foo": 42, "bar": "less interesting data"}', "'.foo'")).toBe('42\n');
    expect(await jq('{"foo": {"bar": "x"}}', '.foo')).toBe('{\n  "bar": "x"\n}\n');
    expect(await jq('[{"name":"JSON", "good":true}, {"name":"XML", "good":false}]', "'.[] | .name'")).toBe('"JSON"\n"XML"\n');
    expect(await jq('[{"name":"JSON", "good":true}, {"name":"XML", "good":false}]', "-r '.[] | select(.good) | .name'")).toBe('JSON\n');
    expect(await jq('[1,2,3]', "-c 'map(.+1)'")).toBe('[2,3,4]\n');
    expect(await jq('{"abc": 1, "abcd": 2, "Foo": 3}', "-c 'keys'")).toBe('["Foo","abc","abcd"]\n');
    expect(await jq('[[1,2], "string", {"a":2}, null]', "'.[] | length'")).toBe('2\n6\n1\n0\n');
    expect(await jq('[42,3,35]', "-c 'keys'")).toBe('[0,1,2]\n');
  });

  it('takes --arg variables, files, -n, -s and kubectl’s JSON', async () => {
    const sb = new Sandbox({ files: { 'pod.json': '{"metadata":{"name":"web","labels":{"app":"web"}}}\n' } });
    expect((await sb.run(`jq -r --arg k app '.metadata.labels[$k]' pod.json`)).output).toBe('web\n');
    expect((await sb.run(`jq -n '1 + 2'`)).output).toBe('3\n');
    expect((await sb.run(`printf '1 2 3' | jq -c -s .`)).output).toBe('[1,2,3]\n');
    expect((await sb.run(`kubectl get ns default -o json | jq -r '.metadata.name'`)).output).toBe('default\n');
  });

  it('fails as jq does: bad JSON (2), a filter that does not compile (3), a runtime error (5), -e', async () => {
    const sb = new Sandbox();
    const bad = await sb.run(`echo '{"a": nope}' | jq .a`);
    expect(bad.exitCode).toBe(2);
    expect(bad.output).toBe('jq: parse error: Invalid literal at line 1, column 11\n');
    expect((await sb.run(`echo 'hello' | jq .`)).output).toBe('jq: parse error: Invalid numeric literal at line 2, column 0\n');
    const compile = await sb.run(`echo 1 | jq '.['`);
    expect(compile.exitCode).toBe(3);
    expect(compile.output).toMatch(/^jq: error: .*\njq: 1 compile error\n$/);
    const runtime = await sb.run(`echo '{"a":"x"}' | jq '.a + 1'`);
    expect(runtime.exitCode).toBe(5);
    expect(runtime.output).toMatch(/^jq: error \(at <stdin>:1\): /);
    expect((await sb.run(`echo null | jq -e .; echo $?`)).output).toBe('null\n1\n');
    expect((await sb.run(`jq; echo $?`)).output).toMatch(/^Usage:\s+jq \[OPTIONS\] FILTER[\s\S]*\n2\n$/);
  });
});

describe('checksums, openssl rand and xargs', () => {
  it('sha256sum and md5sum print the digests GNU coreutils prints', async () => {
    const sb = new Sandbox({ files: { 'a.txt': 'hello\n' } });
    expect((await sb.run('sha256sum a.txt')).output).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  a.txt\n');
    expect((await sb.run('echo hello | md5sum')).output).toBe('b1946ac92492d2347c6235b4d2611184  -\n');
    expect((await sb.run('sha256sum a.txt > sums; sha256sum -c sums')).output).toBe('a.txt: OK\n');
    expect(await sb.run('sha256sum nope')).toEqual({ output: 'sha256sum: nope: No such file or directory\n', exitCode: 1 });
  });

  it('sha224sum, sha384sum and sha512sum print the digests GNU coreutils 9 prints', async () => {
    const sb = new Sandbox();
    expect((await sb.run('echo hello | sha224sum')).output).toBe('2d6d67d91d0badcdd06cbbba1fe11538a68a37ec9c2e26457ceff12b  -\n');
    expect((await sb.run('echo hello | sha384sum')).output).toBe('1d0f284efe3edea4b9ca3bd514fa134b17eae361ccc7a1eefeff801b9bd6604e01f21f6bf249ef030599f0c218f2ba8c  -\n');
    expect((await sb.run('echo hello | sha512sum')).output).toBe(
      'e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629  -\n',
    );
  });

  it('openssl rand -base64 N gives N random bytes in base64; other commands say they are not simulated', async () => {
    const sb = new Sandbox();
    const out = (await sb.run('openssl rand -base64 32')).output;
    expect(out).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect((await sb.run('openssl rand -hex 16')).output).toMatch(/^[0-9a-f]{32}\n$/);
    expect((await sb.run('openssl rand -base64 64')).output.split('\n').map((l) => l.length)).toEqual([64, 24, 0]);
    expect((await sb.run('openssl req -x509')).exitCode).toBe(1);
    expect(await sb.run('openssl frobnicate')).toEqual({ output: `Invalid command 'frobnicate'; type "help" for a list.\n`, exitCode: 1 });
  });

  it('openssl x509 reads the kubeconfig certificates kubeadm issued, as the troubleshoot-kubectl page does', async () => {
    // Expected texts: OpenSSL 3.0.19's `x509 -noout -dates -subject -issuer -serial` on these certificates; the
    // validity as kubeadm sets it (page: CA back-dated 5 min, +3650 days; admin cert from the CA's notBefore, +365 days).
    const sb = new Sandbox();
    const ca = "kubectl config view --flatten --output 'jsonpath={.clusters[0].cluster.certificate-authority-data}' | base64 -d";
    const admin = "kubectl config view --flatten --output 'jsonpath={.users[0].user.client-certificate-data}' | base64 -d";
    expect(await sb.run(`${ca} | openssl x509 -noout -dates`)).toEqual({ output: 'notBefore=Nov 27 08:55:00 2026 GMT\nnotAfter=Nov 24 09:00:00 2036 GMT\n', exitCode: 0 });
    expect((await sb.run(`${admin} | openssl x509 -noout -dates -subject -issuer -serial`)).output).toBe(
      'notBefore=Nov 27 08:55:00 2026 GMT\nnotAfter=Nov 27 09:00:03 2027 GMT\nsubject=O = kubeadm:cluster-admins, CN = kubernetes-admin\nissuer=CN = kubernetes\nserial=CB418090702A1F3F\n',
    );
    // The same CA is what kube-root-ca.crt publishes to the pods.
    expect((await sb.run(`kubectl get cm kube-root-ca.crt -o jsonpath='{.data.ca\\.crt}' | openssl x509 -noout -enddate`)).output).toBe('notAfter=Nov 24 09:00:00 2036 GMT\n');
    expect((await sb.run(`${ca} | openssl x509 | head -1`)).output).toBe('-----BEGIN CERTIFICATE-----\n');
    expect(await sb.run('echo hi | openssl x509 -noout -dates')).toEqual({ output: 'Could not read certificate from <stdin>\nUnable to load certificate\n', exitCode: 1 });
    expect((await sb.run('openssl x509 -noout -dates -in nofile.crt')).output).toBe('Could not open file or uri for loading certificate from nofile.crt\nUnable to load certificate\n');
  });

  it('xargs runs the command with the input’s words, -n at a time, -I per line', async () => {
    const sb = new Sandbox();
    expect((await sb.run(`printf 'a b\\nc' | xargs echo x`)).output).toBe('x a b c\n');
    expect((await sb.run(`printf 'a b c' | xargs -n 2 echo`)).output).toBe('a b\nc\n');
    expect((await sb.run(`printf 'p1\\np2\\n' | xargs -I {} echo pod/{} done`)).output).toBe('pod/p1 done\npod/p2 done\n');
    expect((await sb.run(`echo a | xargs false; echo $?`)).output).toBe('123\n');
    expect(await sb.run(`echo a | xargs nosuchcmd`)).toEqual({ output: 'xargs: nosuchcmd: No such file or directory\n', exitCode: 127 });
    expect((await sb.run(`echo "it's" | xargs echo`)).output).toBe('xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n');
  });
});
