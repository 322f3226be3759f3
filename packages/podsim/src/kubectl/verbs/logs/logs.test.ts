/**
 * `kubectl logs` with selectors, --since-time and the Validate errors. Texts: the real kubectl 1.32 against
 * `podsim serve` (2026-12); the 10-line default per container with -l: logs.go's selectorTail.
 */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../../testing.js';

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo main started; sleep 3600"]
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side says hi; sleep 3600"]
`;

function cluster() {
  const c = hostWithCluster({ 'two.yaml': TWO });
  c.host.run(['apply', '-f', 'two.yaml']);
  c.host.run(['run', 'a1', '--image=busybox', '-l', 'app=a', '--', 'sh', '-c', 'for i in $(seq 1 15); do echo line $i; done; sleep 3600']);
  c.host.run(['run', 'a2', '--image=busybox', '-l', 'app=a', '--', 'sh', '-c', 'echo three; sleep 3600']);
  c.cluster.advance(10_000);
  return c;
}

describe('kubectl logs', () => {
  it('-l: the matching pods, 10 lines of each unless --tail says otherwise (even -1), the default container notice per pod', () => {
    const { host } = cluster();
    expect(host.run(['logs', '-l', 'app=none'])).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(host.run(['logs', '-l', 'app=none', '-n', 'kube-system']).stderr).toBe('No resources found in kube-system namespace.\n');
    const a = host.run(['logs', '-l', 'app=a', '--prefix']).stdout.split('\n');
    expect(a.filter((l) => l.startsWith('[pod/a1/a1] '))).toEqual(Array.from({ length: 10 }, (_, i) => `[pod/a1/a1] line ${i + 6}`));
    expect(a).toContain('[pod/a2/a2] three');
    expect(host.run(['logs', '-l', 'app=a', '--tail=-1']).stdout.split('\n').filter((l) => l.startsWith('line'))).toHaveLength(15);
    expect(host.run(['logs', '-l', 'app=two'])).toEqual({ code: 0, stdout: 'main started\n', stderr: 'Defaulted container "main" out of: main, side\n' });
    expect(host.run(['logs', '-l', 'app=two', '--all-containers', '--prefix']).stdout).toBe('[pod/two/main] main started\n[pod/two/side] side says hi\n');
  });

  it('-f follows several streams up to --max-log-requests, and refuses more', () => {
    const { host, cluster: c } = cluster();
    expect(host.run(['logs', '-l', 'app=a', '--max-log-requests=1', '-f']).stderr).toBe(
      'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
    );
    expect(host.run(['logs', '-l', 'app=two', '-f', '--all-containers', '--max-log-requests=1']).stderr).toBe(
      'error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n',
    );
    // Not following, any number of streams is read one after another.
    expect(host.run(['logs', '-l', 'app=a', '--max-log-requests=1']).code).toBe(0);
    const f = host.start(['logs', '-l', 'app=two', '-f', '--all-containers', '--prefix']);
    c.advance(1000);
    expect(f.proc.alive).toBe(true);
    expect(f.out.text).toBe('[pod/two/main] main started\n[pod/two/side] side says hi\n');
    host.run(['delete', 'pod', 'two', '--grace-period=1']);
    c.advance(5000);
    expect(f.code).toBe(0);
  });

  it('argument, --since and --since-time errors in the order logs.go checks them', () => {
    const { host } = cluster();
    const err = (...args: string[]) => host.run(['logs', ...args]).stderr;
    expect(err('a1', '-l', 'app=a')).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect(err('two', '--since=1h', '--since-time=2020-01-01T00:00:00Z')).toBe('error: at most one of `sinceTime` or `sinceSeconds` may be specified\n');
    expect(err('two', '--since-time=bad', '-c', 'main')).toBe('error: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"\n');
    expect(err('two', '--since=-1s', '-c', 'main')).toBe('error: --since must be greater than 0\n');
    expect(err('two', '--tail=-2', '-c', 'main')).toBe('error: --tail must be greater than or equal to -1\n');
    expect(err('two', 'main', '-c', 'main')).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n');
    expect(err('two', 'main', '--all-containers')).toBe('error: --all-containers=true should not be specified with container name main\n');
    // Complete (the pod lookup) comes before Validate.
    expect(err('nope', '--since=-1s')).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
  });

  it('--since-time and --since keep the newer lines only', () => {
    const { host, cluster: c } = cluster();
    host.run(['run', 'tick', '--image=busybox', '--', 'sh', '-c', 'echo early; sleep 60; echo late; sleep 3600']);
    c.advance(70_000);
    expect(host.run(['logs', 'tick', '--since-time=2020-01-01T00:00:00Z']).stdout).toBe('early\nlate\n');
    expect(host.run(['logs', 'tick', '--since=30s']).stdout).toBe('late\n');
    const now = new Date(c.clock.now() - 30_000).toISOString();
    expect(host.run(['logs', 'tick', `--since-time=${now}`]).stdout).toBe('late\n');
  });
});
