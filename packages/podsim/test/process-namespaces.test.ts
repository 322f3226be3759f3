/**
 * Processes as a container's tools show them, checked against the kubernetes.io pages that print them:
 * tasks/configure-pod-container/share-process-namespace (pause at PID 1, nginx's master at 8 after
 * runc's init threads, `kill -HUP 8` replacing its worker, `/proc/8/root` reaching nginx's files from
 * the busybox container) and configure-volume-storage (`redis 1 … redis-server *:6379`: the redis image's
 * entrypoint runs the server through gosu as redis, while `kubectl exec` gets the image's root).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../src/host/sandbox.js';

const SHARED = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  shareProcessNamespace: true
  containers:
  - name: nginx
    image: nginx
  - name: shell
    image: busybox:1.28
    command: ["sleep", "3600"]
    securityContext:
      capabilities:
        add:
        - SYS_PTRACE
    stdin: true
    tty: true
`;

const rows = (out: string) => out.replace(/\r/g, '').split('\n').filter((l) => /^\s*\d+ /.test(l)).map((l) => l.trim().split(/\s+/));

describe('a shared PID namespace', () => {
  it('lists pause first, then each container\'s processes; kill -HUP reloads nginx; /proc/PID/root is that container\'s root', () => {
    const sb = new Sandbox({ cols: 200 });
    sb.writeFile('pod.yaml', SHARED);
    sb.runLine('kubectl apply -f pod.yaml');
    sb.advance(60_000);
    sb.runLine('kubectl exec -it nginx -c shell -- /bin/sh', 5_000);
    const first = rows(sb.runLine('ps ax', 5_000).output);
    expect(first[0]).toEqual(['1', '65535', '0:00', '/pause']);
    expect(first[1]!.slice(0, 4)).toEqual(['8', 'root', '0:00', 'nginx:']);
    const workers = first.filter((r) => r[3] === 'nginx:' && r[4] === 'worker').map((r) => r[0]);
    expect(workers).toHaveLength(2);
    sb.runLine('kill -HUP 8', 5_000);
    const after = rows(sb.runLine('ps ax', 5_000).output);
    const newWorkers = after.filter((r) => r[3] === 'nginx:' && r[4] === 'worker').map((r) => r[0]);
    expect(newWorkers).toHaveLength(2);
    expect(newWorkers.some((w) => workers.includes(w))).toBe(false);
    expect(after.find((r) => r[0] === '8')?.slice(3, 5)).toEqual(['nginx:', 'master']);
    expect(sb.runLine('head -3 /proc/8/root/etc/nginx/nginx.conf', 5_000).output.replace(/\r/g, '')).toBe('\nuser  nginx;\nworker_processes  auto;\n');
    expect(sb.runLine('ls /proc/8/root/etc/nginx/conf.d', 5_000).output.replace(/\r/g, '')).toBe('default.conf\n');
    expect(sb.runLine('readlink /proc/8/root', 5_000).output.replace(/\r/g, '')).toBe('/\n');
  });
});

describe('the redis image', () => {
  it('runs redis-server as redis under its process title; an exec\'d shell is root', () => {
    const sb = new Sandbox({ cols: 200 });
    sb.runLine('kubectl run redis --image=redis');
    sb.advance(60_000);
    const out = sb.runLine("kubectl exec redis -- sh -c 'apt-get update >/dev/null && apt-get install -y procps >/dev/null && ps aux && id'", 120_000).output.replace(/\r/g, '');
    const lines = out.split('\n');
    expect(lines.find((l) => l.endsWith('redis-server *:6379'))).toMatch(/^redis +1 +\S+ +\S+ +\d+ +\d+ \? +Ssl /);
    expect(lines).toContain('uid=0(root) gid=0(root) groups=0(root)');
    expect(sb.runLine('kubectl exec redis -- grep redis /etc/passwd').output).toBe('redis:x:999:999::/home/redis:/bin/sh\n');
  });
});
