/**
 * kubectl cp in the sandbox. Client-side texts from kubectl 1.32's cp.go (and checked against the
 * real kubectl through the differential suite); tar's own lines are the container's tar's (GNU tar on
 * nginx, busybox tar on busybox; see programs/tar.test.ts for where those come from).
 */
import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../../testing.js';

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
  - name: box
    image: busybox:1.37
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
  - name: pause
    image: registry.k8s.io/pause:3.10
`;

function cluster() {
  const { host, cluster } = hostWithCluster({ 'pods.yaml': PODS, 'notes.txt': 'hello\n', 'site/index.html': '<h1>hi</h1>\n', 'site/css/a.css': 'a{}\n' });
  host.run(['apply', '-f', 'pods.yaml']);
  cluster.advance(30_000);
  return { host, cluster };
}

const inPod = (host: ReturnType<typeof cluster>['host'], c: string, ...cmd: string[]) => host.run(['exec', 'web', '-c', c, '--', ...cmd]);

describe('kubectl cp to a pod', () => {
  it('copies a file to a path, and into a directory under its own name', () => {
    const { host } = cluster();
    expect(host.run(['cp', 'notes.txt', 'web:/tmp/renamed.txt', '-c', 'nginx'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(inPod(host, 'nginx', 'cat', '/tmp/renamed.txt').stdout).toBe('hello\n');
    expect(host.run(['cp', 'notes.txt', 'web:/tmp', '-c', 'nginx']).code).toBe(0);
    expect(inPod(host, 'nginx', 'cat', '/tmp/notes.txt').stdout).toBe('hello\n');
  });

  it('copies a directory tree; without -c the default container is named on stderr', () => {
    const { host } = cluster();
    const r = host.run(['cp', 'site', 'web:/usr/share/nginx/html/site']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Defaulted container "nginx" out of: nginx, box\n' });
    expect(inPod(host, 'nginx', 'cat', '/usr/share/nginx/html/site/css/a.css').stdout).toBe('a{}\n');
  });

  it('fails on a missing local file, a missing pod directory (GNU and busybox tar) and a container without tar', () => {
    const { host } = cluster();
    expect(host.run(['cp', 'nope.txt', 'web:/tmp/x'])).toEqual({ code: 1, stdout: '', stderr: 'error: nope.txt doesn\'t exist in local filesystem\n' });
    expect(host.run(['cp', 'notes.txt', 'web:/no/such/dir/x', '-c', 'nginx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tar: /no/such/dir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n',
    });
    expect(host.run(['cp', 'notes.txt', 'web:/no/such/dir/x', '-c', 'box'])).toEqual({ code: 1, stdout: '', stderr: "tar: can't change directory to '/no/such/dir': No such file or directory\ncommand terminated with exit code 1\n" });
    const bare = host.run(['cp', 'notes.txt', 'bare:/tmp/x']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^error: Internal error occurred: error executing command in container: .*exec: "tar": executable file not found in \$PATH/);
  });
});

describe('kubectl cp from a pod', () => {
  it("copies a file; GNU tar's prefix warning reaches stdout", () => {
    const { host } = cluster();
    const r = host.run(['cp', 'web:/etc/hostname', 'host.txt', '-c', 'nginx']);
    expect(r).toEqual({ code: 0, stdout: "tar: Removing leading `/' from member names\n", stderr: '' });
    expect(host.fs.readFile('/home/learner/host.txt')).toBe('web\n');
  });

  it('copies a directory into a new local directory; busybox words its warning its own way', () => {
    const { host } = cluster();
    inPod(host, 'box', 'sh', '-c', 'mkdir -p /data/sub && echo one > /data/a && echo two > /data/sub/b && ln -s a /data/link');
    const r = host.run(['cp', 'web:/data', 'out', '-c', 'box']);
    expect(r.stdout).toBe("tar: removing leading '/' from member names\n");
    expect(r.stderr).toBe('warning: skipping symlink: "out/link" -> "a" (consider using "kubectl exec -n "" "web" -- tar cf - "/data" | tar xf -")\n');
    expect(host.fs.readFile('/home/learner/out/sub/b')).toBe('two\n');
    expect(host.fs.readFile('/home/learner/out/a')).toBe('one\n');
  });

  it("a missing pod file: tar complains on stdout, kubectl ends with 0 once the archive ended, before tar's last line", () => {
    const { host } = cluster();
    expect(host.run(['cp', 'web:/nope', 'x', '-c', 'nginx'])).toEqual({
      code: 0,
      stdout: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\n",
      stderr: '',
    });
  });

  it('copying onto an existing directory name fails as os.Create does', () => {
    const { host } = cluster();
    expect(host.run(['cp', 'web:/etc/hostname', '.', '-c', 'nginx']).stderr).toBe('error: open .: is a directory\n');
  });
});

describe('kubectl cp arguments', () => {
  it('checks the specs before anything else', () => {
    const { host } = cluster();
    expect(host.run(['cp', 'a'])).toEqual({ code: 1, stdout: '', stderr: 'error: source and destination are required\n' });
    expect(host.run(['cp', 'a', 'b', 'c']).stderr).toBe('error: source and destination are required\n');
    expect(host.run(['cp', 'web:/a', 'web:/b']).stderr).toBe('error: one of src or dest must be a local file specification\n');
    expect(host.run(['cp', 'a', 'b']).stderr).toBe('error: one of src or dest must be a remote file specification\n');
    expect(host.run(['cp', ':a', 'b']).stderr).toBe('error: filespec must match the canonical format: [[namespace/]pod:]file/path\n');
    expect(host.run(['cp', 'a/b/c:/x', 'b']).stderr).toBe('error: filespec must match the canonical format: [[namespace/]pod:]file/path\n');
    expect(host.run(['cp', 'web:', 'b']).stderr).toBe('error: filepath can not be empty\n');
    expect(host.run(['cp', 'nope:/etc/hostname', 'b']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(host.run(['cp', 'kube-system/nope:/etc/hostname', 'b']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
