/** kubectl against the whole simulated cluster: the course's demos, end to end. */
import { describe, expect, it } from 'vitest';
import type { Listener } from '../kernel/net.js';
import { SIGNALS } from '../kernel/signals.js';
import { hostWithCluster } from './testing.js';

const HELLO = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello-world-pod\nspec:\n  containers:\n  - name: hello-world\n    image: gcr.io/google-samples/hello-app:1.0\n    ports:\n    - containerPort: 80\n';
const SLEEPER = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  containers:\n  - name: main\n    image: busybox\n    command: ["sleep", "3600"]\n  - name: side\n    image: busybox\n    command: ["sleep", "3600"]\n';

describe('kubectl on a running cluster', () => {
  it('apply, exec with exit status passthrough, a killed app restarts, logs and logs -p', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    expect(host.run(['apply', '-f', 'pod.yaml']).stdout).toBe('pod/hello-world-pod created\n');
    cluster.advance(10_000);
    expect(host.run(['get', 'pods']).stdout).toBe('NAME              READY   STATUS    RESTARTS   AGE\nhello-world-pod   1/1     Running   0          10s\n');
    expect(host.run(['exec', 'hello-world-pod', '--', 'sh', '-c', 'exit 3'])).toEqual({ code: 3, stdout: '', stderr: 'command terminated with exit code 3\n' });
    expect(host.run(['exec', 'hello-world-pod', 'ls'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    });
    expect(host.run(['exec', 'hello-world-pod', '--', '/usr/bin/killall', 'hello-app']).code).toBe(0);
    cluster.advance(3000);
    expect(host.run(['get', 'pods']).stdout).toMatch(/hello-world-pod {3}1\/1 {5}Running {3}1 \(\d+s ago\) {3}\d+s\n$/);
    expect(host.run(['logs', 'hello-world-pod']).stdout).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Server listening on port 8080\n$/);
    expect(host.run(['logs', 'hello-world-pod', '--previous']).stdout).toContain('Server listening on port 8080\n');
    expect(host.run(['logs', 'hello-world-pod', '--timestamps']).stdout).toMatch(/^2026-11-27T09:00:\d\d\.\d{9}Z \d{4}\//);
    expect(host.run(['logs', 'nope']).stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    expect(host.run(['logs', 'hello-world-pod', '-c', 'x']).stderr).toBe('error: container x is not valid for pod hello-world-pod\n');
  });

  it('delete waits in virtual time until a SIGTERM-ignoring pod is gone; --force does not wait', () => {
    const { host, cluster } = hostWithCluster({ 'sleeper.yaml': SLEEPER });
    host.run(['apply', '-f', 'sleeper.yaml']);
    cluster.advance(20_000);
    expect(host.run(['get', 'pod', 'sleeper']).stdout).toContain('2/2     Running');
    const start = cluster.clock.now();
    const del = host.start(['delete', 'pod', 'sleeper']);
    expect(del.out.text).toBe('pod "sleeper" deleted\n');
    cluster.advance(25_000);
    expect(del.proc.alive).toBe(true);
    cluster.advance(10_000);
    expect(del.code).toBe(0);
    expect(cluster.clock.now() - start).toBeGreaterThanOrEqual(30_000);

    host.run(['apply', '-f', 'sleeper.yaml']);
    cluster.advance(20_000);
    const forced = host.start(['delete', 'pod', 'sleeper', '--grace-period=0', '--force']);
    expect(forced.err.text).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(forced.out.text).toBe('pod "sleeper" force deleted\n');
    expect(forced.code).toBe(0);
    expect(host.run(['delete', 'pod', 'sleeper', '--grace-period=5', '--force']).stderr).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n');
    expect(host.run(['delete', 'pod', 'sleeper'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "sleeper" not found\n' });
  });

  it('names the default container of a multi-container pod', () => {
    const { host, cluster } = hostWithCluster({ 'sleeper.yaml': SLEEPER });
    host.run(['apply', '-f', 'sleeper.yaml']);
    cluster.advance(20_000);
    const r = host.run(['exec', 'sleeper', '--', 'hostname']);
    expect(r.stderr).toBe('Defaulted container "main" out of: main, side\n');
    expect(r.stdout).toBe('sleeper\n');
    expect(host.run(['exec', 'sleeper', '-c', 'side', '--', 'true'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.run(['exec', 'sleeper', '-c', 'nope', '--', 'true'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod sleeper\n' });
  });

  it('port-forward listens on the reader machine and tunnels each connection until Ctrl+C', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(10_000);
    const pf = host.start(['port-forward', 'pod/hello-world-pod', '8080:8080']);
    expect(pf.out.text).toBe('Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n');
    const l = host.net.connect('localhost', 8080) as Listener;
    const res = l.http!({ method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' });
    expect('body' in res && res.body).toBe('Hello, world!\nVersion: 1.0.0\nHostname: hello-world-pod\n');
    expect(pf.out.text).toContain('Handling connection for 8080\n');
    pf.proc.kill(SIGNALS.SIGINT);
    expect(pf.code).toBe(0);
    expect(host.net.connect('localhost', 8080)).toBe('ECONNREFUSED');
    // Like kubectl, `pod NAME` reads `pod` as the pod's name.
    expect(host.run(['port-forward', 'pod', 'hello-world-pod', '9090:8080'])).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "pod" not found\n' });
    expect(host.run(['port-forward', 'pod/hello-world-pod']).stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
  });

  it('port-forward to a port nobody listens on: the kubelet error, then kubectl gives up', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(10_000);
    const pf = host.start(['port-forward', 'pod/hello-world-pod', '8080:9999']);
    const l = host.net.connect('localhost', 8080) as Listener;
    const res = l.http!({ method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' });
    expect(res).toMatchObject({ closed: true });
    expect(pf.code).toBe(1);
    expect(pf.out.text).toBe('Forwarding from 127.0.0.1:8080 -> 9999\nForwarding from [::1]:8080 -> 9999\nHandling connection for 8080\n');
    expect(pf.err.text).toMatch(
      /^E\d{4} [\d:.]+ +\d+ portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding 8080 -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]+\\": failed to connect to localhost:9999 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:9999: connect: connection refused IPv6 dial tcp6 \[::1\]:9999: connect: connection refused "\nerror: lost connection to pod\n$/,
    );
    expect(host.net.connect('localhost', 8080)).toBe('ECONNREFUSED');
  });

  it('get events --watch keeps printing in the background and stops on SIGINT', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    const w = host.start(['get', 'events', '--watch']);
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(5000);
    expect(w.out.text.split('\n').slice(0, 3).join('\n')).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT                MESSAGE\n' +
        '0s          Normal   Scheduled   pod/hello-world-pod   Successfully assigned default/hello-world-pod to node03\n' +
        '0s          Normal   Pulling     pod/hello-world-pod   Pulling image "gcr.io/google-samples/hello-app:1.0"',
    );
    w.proc.kill(SIGNALS.SIGINT);
    expect(w.code).toBe(1);
  });

  it('run creates a pod; rollout status waits for a deployment', () => {
    const { host, cluster } = hostWithCluster();
    expect(host.run(['run', 'nginx', '--image=nginx']).stdout).toBe('pod/nginx created\n');
    expect(host.run(['create', 'deployment', 'web', '--image=gcr.io/google-samples/hello-app:1.0', '--replicas=2']).stdout).toBe('deployment.apps/web created\n');
    const st = host.run(['rollout', 'status', 'deployment/web'], { maxMs: 60_000 });
    expect(st.code).toBe(0);
    expect(st.stdout).toMatch(/Waiting for deployment "web" rollout to finish: \d of 2 updated replicas are available\.\.\.\n/);
    expect(st.stdout.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(host.run(['scale', 'deploy/web', '--replicas=3']).stdout).toBe('deployment.apps/web scaled\n');
    expect(host.run(['set', 'image', 'deployment/web', 'hello-app=gcr.io/google-samples/hello-app:2.0']).stdout).toBe('deployment.apps/web image updated\n');
    cluster.advance(60_000);
    expect(host.run(['rollout', 'history', 'deployment/web']).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(host.run(['rollout', 'undo', 'deployment/web']).stdout).toBe('deployment.apps/web rolled back\n');
    expect(host.run(['rollout', 'restart', 'deployment/web']).stdout).toBe('deployment.apps/web restarted\n');
    expect(host.run(['expose', 'deployment', 'web', '--port=80', '--target-port=8080']).stdout).toBe('service/web exposed\n');
    expect(host.run(['wait', '--for=condition=Ready', 'pod/nginx', '--timeout=60s']).stdout).toBe('pod/nginx condition met\n');
    cluster.advance(1000);
  });

  it('exec -it gives the container shell a terminal of its own; the local one is raw meanwhile', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(10_000);
    const { run, tty, screen } = host.startOnTerminal(['exec', '-it', 'hello-world-pod', '--', '/bin/sh']);
    cluster.advance(100);
    expect(tty.mode.canonical).toBe(false);
    tty.type('echo hi\r');
    cluster.advance(100);
    expect(screen()).toContain('echo hi\r\nhi\r\n');
    tty.type('exit 4\r');
    cluster.advance(100);
    expect(run.code).toBe(4);
    expect(screen()).toContain('command terminated with exit code 4\r\n');
    expect(tty.mode.canonical).toBe(true);
  });

  it('exec without -t gives the command no terminal even when kubectl has one', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(10_000);
    const { run, screen } = host.startOnTerminal(['exec', 'hello-world-pod', '--', 'ls', '/']);
    cluster.advance(100);
    expect(run.code).toBe(0);
    expect(screen()).toMatch(/^bin\r\ndev\r\netc\r\n/);
  });

  it('-it without a terminal falls back to plain stdin with kubectl\'s notice', () => {
    const { host, cluster } = hostWithCluster({ 'pod.yaml': HELLO });
    host.run(['apply', '-f', 'pod.yaml']);
    cluster.advance(10_000);
    const r = host.run(['exec', '-it', 'hello-world-pod', '--', 'cat'], { stdin: 'piped\n' });
    expect(r).toEqual({ code: 0, stdout: 'piped\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' });
  });

  it('run -it --rm attaches, then deletes the pod', () => {
    const { host, cluster } = hostWithCluster();
    const { run, tty, screen } = host.startOnTerminal(['run', '-it', '--rm', 'box', '--image=busybox', '--restart=Never', '--', 'sh']);
    cluster.advance(15_000);
    expect(screen()).toContain("If you don't see a command prompt, try pressing enter.\r\n");
    tty.type('exit\r');
    cluster.advance(35_000);
    expect(screen()).toContain('pod "box" deleted\r\n');
    expect(run.code).toBe(0);
    expect(host.run(['get', 'pod', 'box']).stderr).toBe('Error from server (NotFound): pods "box" not found\n');
  });

  it('run -it attaches to the container\'s PID 1; leaving it ends the container, which restarts', () => {
    const { host, cluster } = hostWithCluster();
    const { run, tty, screen } = host.startOnTerminal(['run', '-it', 'box', '--image=busybox', '--', 'sh']);
    cluster.advance(15_000);
    tty.type('echo pid=$$\r');
    cluster.advance(1_000);
    expect(screen()).toContain('pid=1\r\n');
    tty.type('exit\r');
    cluster.advance(2_000);
    expect(run.code).toBe(0);
    expect(screen()).toContain("Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\r\n");
    cluster.advance(10_000);
    expect(host.run(['get', 'pod', 'box', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']).stdout).toBe('1');
  });

  it('logs -f follows new lines until the container stops', () => {
    const { host, cluster } = hostWithCluster({
      'ticker.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ticker\nspec:\n  restartPolicy: Never\n  containers:\n  - name: t\n    image: busybox\n    command: ["sh", "-c", "echo one; sleep 5; echo two; sleep 5; echo three"]\n',
    });
    host.run(['apply', '-f', 'ticker.yaml']);
    cluster.advance(3000);
    const f = host.start(['logs', '-f', 'ticker']);
    cluster.advance(100);
    expect(f.proc.alive).toBe(true);
    cluster.advance(15_000);
    expect(f.out.text).toBe('one\ntwo\nthree\n');
    expect(f.code).toBe(0);
    expect(host.run(['logs', 'ticker', '--tail=1']).stdout).toBe('three\n');
  });

  it('port-forward through a service and a deployment picks a pod and maps the service port', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['create', 'deployment', 'web', '--image=gcr.io/google-samples/hello-app:1.0', '--port=8080']);
    cluster.advance(15_000);
    host.run(['expose', 'deployment', 'web', '--port=80', '--target-port=8080']);
    const svc = host.start(['port-forward', 'svc/web', '8081:80']);
    expect(svc.out.text).toBe('Forwarding from 127.0.0.1:8081 -> 8080\nForwarding from [::1]:8081 -> 8080\n');
    const l = host.net.connect('127.0.0.1', 8081) as Listener;
    const res = l.http!({ method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' });
    expect('body' in res && res.body).toMatch(/^Hello, world!\nVersion: 1.0.0\nHostname: web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const taken = host.run(['port-forward', 'deploy/web', '8081:8080']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^Unable to listen on port 8081: Listeners failed to create with the following errors: .*\nerror: unable to listen on any of the requested ports: \[\{8081 8080\}\]\n$/);
    svc.proc.kill(SIGNALS.SIGINT);
  });

  it('the probes demo: apply a deployment, fix its probes, apply again, delete it', () => {
    const probes = (port: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello-world\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: hello-world\n  template:\n    metadata:\n      labels:\n        app: hello-world\n    spec:\n      containers:\n      - name: hello-world\n        image: gcr.io/google-samples/hello-app:1.0\n        ports:\n        - containerPort: 8080\n        livenessProbe:\n          tcpSocket:\n            port: ${port}\n          initialDelaySeconds: 10\n          periodSeconds: 5\n        readinessProbe:\n          httpGet:\n            path: /\n            port: ${port}\n          initialDelaySeconds: 10\n          periodSeconds: 5\n`;
    const { host, cluster } = hostWithCluster({ 'container-probes.yaml': probes(8081) });
    expect(host.run(['apply', '-f', 'container-probes.yaml']).stdout).toBe('deployment.apps/hello-world created\n');
    cluster.advance(60_000);
    expect(host.run(['get', 'pods']).stdout).toMatch(/hello-world-\S+ {3}0\/1 {5}\w+/);
    host.fs.writeFile('/home/learner/container-probes.yaml', probes(8080));
    expect(host.run(['apply', '-f', 'container-probes.yaml'])).toEqual({ code: 0, stdout: 'deployment.apps/hello-world configured\n', stderr: '' });
    const d = cluster.api.get('deployments', 'default', 'hello-world');
    expect(d.ok && JSON.stringify(d.value.spec)).toContain('"tcpSocket":{"port":8080}');
    expect(host.run(['apply', '-f', 'container-probes.yaml']).stdout).toBe('deployment.apps/hello-world unchanged\n');
    expect(host.run(['delete', 'deployment', 'hello-world']).stdout).toBe('deployment.apps "hello-world" deleted\n');
  });

  it('exec into a pod that has no node or no running container', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['run', 'bb', '--image=busybox']);
    expect(host.run(['exec', 'bb', '--', 'ls']).stderr).toBe('Error from server (BadRequest): pod bb does not have a host assigned\n');
    cluster.advance(30_000);
    expect(host.run(['exec', 'bb', '--', 'ls']).stderr).toBe('error: Internal error occurred: unable to upgrade connection: container not found ("bb")\n');
  });

  it('exec into a pod still creating its container, or already completed', () => {
    const { host, cluster } = hostWithCluster();
    host.run(['run', 'web', '--image=nginx']);
    host.run(['run', 'done', '--image=busybox', '--restart=Never', '--', 'true']);
    cluster.advance(500);
    expect(host.run(['get', 'pod', 'web']).stdout).toContain(' ContainerCreating ');
    expect(host.run(['exec', 'web', '--', 'true'])).toEqual({ code: 1, stdout: '', stderr: 'error: Internal error occurred: unable to upgrade connection: container not found ("web")\n' });
    cluster.advance(5_000);
    expect(host.run(['exec', 'done', '--', 'true'])).toEqual({ code: 1, stdout: '', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n' });
  });
});
