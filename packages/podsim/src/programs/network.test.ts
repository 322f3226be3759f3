import { describe, expect, it } from 'vitest';
import { dnsSessions } from '../kernel/dns.js';
import { machine } from './testing.js';

function withServer() {
  const client = machine({ ip: '10.244.2.2', files: { '/etc/resolv.conf': 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\n', '/tmp/': '' } });
  const server = machine({ ip: '10.244.1.5', network: client.network, clock: client.clock });
  server.net.listen({
    port: 8080,
    owner: 'test',
    http: (req) => (req.path === '/' ? { status: 200, body: `hi ${req.remoteAddr} ${req.headers['User-Agent']}\n` } : { status: 404, body: 'nope\n' }),
  });
  client.network.dns.set('web.default.svc.cluster.local', ['10.244.1.5']);
  // The cluster DNS Service, answering from the cluster's records as CoreDNS does.
  const dns = machine({ ip: '10.96.0.10', network: client.network, clock: client.clock });
  dns.net.listen({ port: 53, owner: 'coredns', open: dnsSessions((q) => ({ rcode: 'NOERROR', answers: client.network.dns.lookup(q.name) })) });
  return { client, server };
}

describe('wget', () => {
  it('fetches to stdout quietly, saves to a file with busybox progress lines', () => {
    const { client } = withServer();
    expect(client.run(['wget', '-qO-', 'http://10.244.1.5:8080/']).out.text).toBe('hi 10.244.2.2 Wget\n');
    expect(client.run(['wget', '-q', '-O', '-', 'web:8080']).out.text).toBe('hi 10.244.2.2 Wget\n');
    const saved = client.run(['wget', 'web:8080'], { cwd: '/tmp' });
    expect(saved.err.text).toBe(
      "Connecting to web:8080 (10.244.1.5:8080)\nsaving to 'index.html'\nindex.html           100% |********************************|    19  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(client.fs.readFile('/tmp/index.html')).toBe('hi 10.244.2.2 Wget\n');
  });

  it('reports refused connections, unknown hosts and HTTP errors', () => {
    const { client } = withServer();
    const refused = client.run(['wget', '-qO-', '10.244.1.5:9999']);
    expect([refused.err.text, refused.code]).toEqual(["wget: can't connect to remote host (10.244.1.5): Connection refused\n", 1]);
    expect(client.run(['wget', '-qO-', 'nosuch']).err.text).toBe("wget: bad address 'nosuch'\n");
    expect(client.run(['wget', '-qO-', '10.244.1.5:8080/x']).err.text).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(client.run(['wget', '-qO-', '10.244.9.9']).err.text).toBe("wget: can't connect to remote host (10.244.9.9): No route to host\n");
  });
});

describe('curl', () => {
  it('prints bodies, fails with curl error codes', () => {
    const { client } = withServer();
    expect(client.run(['curl', '-s', 'http://web:8080/']).out.text).toBe('hi 10.244.2.2 curl/8.5.0\n');
    const refused = client.run(['curl', 'localhost:8080']);
    expect([refused.err.text, refused.code]).toEqual(["curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n", 7]);
    expect(client.run(['curl', '-s', 'localhost:8080']).err.text).toBe('');
    expect(client.run(['curl', 'nosuch']).err.text).toBe('curl: (6) Could not resolve host: nosuch\n');
    const notFound = client.run(['curl', '-sf', '10.244.1.5:8080/x']);
    expect(notFound.code).toBe(22);
    expect(client.run(['curl', '-sS', '-f', '10.244.1.5:8080/x']).err.text).toBe('curl: (22) The requested URL returned error: 404\n');
    expect(client.run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '10.244.1.5:8080/']).out.text).toBe('200');
  });

  it('-O saves under the file name of the URL; a URL without one is curl 7.88\'s error 23', () => {
    const { client } = withServer();
    expect(client.run(['curl', '-L', '-s', '-O', 'http://web:8080/job-tmpl.yaml?x=1']).code).toBe(0);
    expect(client.run(['cat', 'job-tmpl.yaml']).out.text).toBe(client.run(['curl', '-s', 'http://web:8080/job-tmpl.yaml']).out.text);
    expect(client.run(['cat', 'job-tmpl.yaml']).out.text).not.toBe('');
    const noName = client.run(['curl', '--remote-name', 'http://web:8080/']);
    expect([noName.err.text, noName.code]).toEqual(['curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n', 23]);
    expect([client.run(['curl', '-sO', 'http://web:8080/']).err.text, client.run(['curl', '-sO', 'http://web:8080/']).code]).toEqual(['', 23]);
  });
});

describe('nc and nslookup', () => {
  it('nc -z checks ports; nslookup resolves service names through the search list', () => {
    const { client } = withServer();
    expect(client.run(['nc', '-z', '10.244.1.5', '8080']).code).toBe(0);
    expect(client.run(['nc', '-z', '10.244.1.5', '81']).code).toBe(1);
    expect(client.run(['nc', '-zv', 'web', '8080']).err.text).toBe('web (10.244.1.5:8080) open\n');
    // BusyBox 1.29+ sends the name as typed: short names are NXDOMAIN (docker-library/busybox#48, #75).
    expect(client.run(['nslookup', 'web.default.svc.cluster.local']).out.text).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.244.1.5\n\n');
    expect(client.run(['nslookup', 'web']).code).toBe(1);
    const missing = client.run(['nslookup', 'nope']);
    expect([missing.out.text, missing.code]).toEqual(["Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n", 1]);
  });
});
