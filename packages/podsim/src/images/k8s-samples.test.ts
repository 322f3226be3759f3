import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../kernel/signals.js';
import { exitOf, logText, testPod } from '../runtime/testing.js';

function pair(image: string, cfg: Parameters<ReturnType<typeof testPod>['run']>[1] = {}) {
  const server = testPod({ name: 'app', ip: '10.244.1.7' });
  const client = testPod({ name: 'client', ip: '10.244.2.3', clock: server.clock, network: server.network });
  const c = server.run(image, cfg);
  server.clock.advance(10);
  const bb = client.run('busybox:1.28', { command: ['sleep', '3600'] });
  const get = (url: string) => client.exec(bb, ['wget', '-qO-', url]);
  return { server, c, get, nc: (port: number) => client.exec(bb, ['nc', '-z', '10.244.1.7', String(port)]).proc.exitCode };
}

describe('Kubernetes docs sample images', () => {
  it('liveness /server: /healthz is ok for 10 s, then 500', () => {
    const { server, get } = pair('registry.k8s.io/liveness', { args: ['/server'] });
    expect(get('http://10.244.1.7:8080/healthz').out.text).toBe('ok');
    server.clock.advance(11_000);
    expect(get('http://10.244.1.7:8080/healthz').err.text).toContain('500 Internal Server Error');
  });

  it('goproxy accepts TCP on 8080; etcd serves its client port and exits 2 on SIGTERM as PID 1 Go programs do', () => {
    expect(pair('registry.k8s.io/goproxy:0.1').nc(8080)).toBe(0);
    const { c, nc } = pair('registry.k8s.io/etcd:3.5.1-0', { command: ['/usr/local/bin/etcd', '--data-dir', '/var/lib/etcd', '--listen-client-urls', 'http://0.0.0.0:2379', '--advertise-client-urls', 'http://127.0.0.1:2379'] });
    expect(nc(2379)).toBe(0);
    expect(logText(c)).toContain('"msg":"serving client traffic insecurely; this is strongly discouraged!","address":"[::]:2379"}');
    c.kill(SIGNALS.SIGTERM);
    expect(exitOf(c)).toMatchObject({ exitCode: 2 });
  });

  it('kubernetes-bootcamp greets with the pod name and v=1 and counts requests in its log', () => {
    const { c, get } = pair('gcr.io/google-samples/kubernetes-bootcamp:v1');
    expect(get('10.244.1.7:8080').out.text).toBe('Hello Kubernetes bootcamp! | Running on: app | v=1\n');
    get('10.244.1.7:8080');
    expect(logText(c)).toContain('Running On: app | Total Requests: 2 |');
  });

  it('kubernetes-bootcamp has curl, as the tutorial shows with `kubectl exec -ti $POD_NAME -- curl http://localhost:8080`', () => {
    const { server, c } = pair('gcr.io/google-samples/kubernetes-bootcamp:v1');
    // Expected text: the docs' expose-intro page prints the app's greeting for this command.
    expect(server.exec(c, ['curl', 'http://localhost:8080']).out.text).toBe('Hello Kubernetes bootcamp! | Running on: app | v=1\n');
  });

  it('node-hello, echoserver and nginx-slim answer on their ports', () => {
    expect(pair('gcr.io/google-samples/node-hello:1.0').get('10.244.1.7:8080').out.text).toBe('Hello Kubernetes!');
    expect(pair('registry.k8s.io/nginx-slim:0.8').get('10.244.1.7').out.text).toContain('Welcome to nginx!');
  });

  // Expected texts: echoserver's pages as readers printed them (1.10 behind a NodePort: `host=192.168.49.2:32749`,
  // `request_uri=http://192.168.49.2:8080/`, headers accept, host, user-agent; 1.4: `query=nil`, `SERVER VALUES:`,
  // `server_version=nginx: 1.10.0 - lua: 10001`, `HEADERS RECEIVED:`, `BODY:` with no newline after its line).
  it('echoserver 1.10 describes the request, headers sorted, request_uri with the Host but nginx\'s port', () => {
    const out = pair('registry.k8s.io/echoserver:1.10').get('10.244.1.7:8080/x?a=1').out.text;
    expect(out).toMatch(/^\n\nHostname: app\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1\.13\.3 - lua: 10008\n\nRequest Information:\n/);
    expect(out).toContain('\tclient_address=10.244.2.3\n\tmethod=GET\n\treal path=/x\n\tquery=a=1\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://10.244.1.7:8080/x?a=1\n');
    const headers = /Request Headers:\n((?:\t.*\n)*)/.exec(out)?.[1].split('\n').filter(Boolean) ?? [];
    expect(headers).toContain('\thost=10.244.1.7:8080');
    expect(headers).toEqual([...headers].sort());
    expect(out).toMatch(/\nRequest Body:\n\t-no body in request-\n\n$/);
  });

  it('echoserver 1.4 words it as CLIENT VALUES, SERVER VALUES and HEADERS RECEIVED', () => {
    const out = pair('registry.k8s.io/echoserver:1.4').get('10.244.1.7:8080/').out.text;
    expect(out).toMatch(
      /^CLIENT VALUES:\nclient_address=10\.244\.2\.3\ncommand=GET\nreal path=\/\nquery=nil\nrequest_version=1\.1\nrequest_uri=http:\/\/10\.244\.1\.7:8080\/\n\nSERVER VALUES:\nserver_version=nginx: 1\.10\.0 - lua: 10001\n\nHEADERS RECEIVED:\n/,
    );
    const headers = /HEADERS RECEIVED:\n((?:.*=.*\n)*)/.exec(out)?.[1].split('\n').filter(Boolean) ?? [];
    expect(headers).toContain('host=10.244.1.7:8080');
    expect(headers).toEqual([...headers].sort());
    expect(out).toMatch(/\nBODY:\n-no body in request-$/);
  });
});
