import { describe, expect, it } from 'vitest';
import { hostWithCluster } from '../../testing.js';

const WEB = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';
const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

function withWeb() {
  const { host, cluster } = hostWithCluster({ 'web.yaml': WEB });
  host.run(['apply', '-f', 'web.yaml']);
  cluster.advance(15_000);
  return { host, cluster };
}

describe('kubectl debug', () => {
  it('adds an ephemeral container sharing the target\'s processes and attaches to it', () => {
    const { host, cluster } = withWeb();
    const { run, tty, screen } = host.startOnTerminal(['debug', '-it', 'web', '--image=busybox:1.28', '--target=nginx', '-c', 'dbg']);
    cluster.advance(15_000);
    expect(screen()).toContain('Targeting container "nginx". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.\r\n');
    expect(screen()).toContain("If you don't see a command prompt, try pressing enter.\r\n");
    tty.type('ps\r');
    cluster.advance(500);
    expect(screen()).toMatch(/nginx: master process/);
    tty.type('exit\r');
    cluster.advance(2_000);
    expect(run.code).toBe(0);
    expect(screen()).toContain("Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c dbg -i -t' if it is still running\r\n");
    cluster.advance(5_000);
    const pod = host.run(['get', 'pod', 'web', '-o', 'json']).stdout;
    const p = JSON.parse(pod);
    expect(p.spec.ephemeralContainers).toEqual([
      { name: 'dbg', image: 'busybox:1.28', stdin: true, tty: true, targetContainerName: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' },
    ]);
    expect(p.status.ephemeralContainerStatuses[0].name).toBe('dbg');
    expect(p.status.ephemeralContainerStatuses[0].state.terminated.exitCode).toBe(0);
  });

  it('prints the logs of a debug container that ended before the attach, as debug.go handleAttachPod falls back to', () => {
    const { host, cluster } = withWeb();
    const { run, screen } = host.startOnTerminal(['debug', '-it', 'web', '--image=busybox:1.28', '-c', 'once', '--profile=general', '--', 'echo', 'hi']);
    cluster.advance(15_000);
    expect(run.code).toBe(0);
    expect(screen()).toContain('hi\r\n');
    expect(screen()).not.toContain('unable to upgrade connection');
  });

  it('without -i only adds the container, named debugger-xxxxx; the profile sets its capabilities', () => {
    const { host } = withWeb();
    const r = host.run(['debug', 'web', '--image=busybox', '--profile=general', '--', 'sleep', '3600']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\n$/);
    expect(r.stderr).toBe('');
    const ec = JSON.parse(host.run(['get', 'pod', 'web', '-o', 'jsonpath={.spec.ephemeralContainers[0]}']).stdout);
    expect(ec.command).toEqual(['sleep', '3600']);
    expect(ec.securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });

  it('copies the pod with --copy-to, changing images with --set-image', () => {
    const { host, cluster } = withWeb();
    const r = host.run(['debug', 'web', '--copy-to=web-copy', '--set-image=*=nginx:1.27']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: LEGACY });
    cluster.advance(15_000);
    const copy = JSON.parse(host.run(['get', 'pod', 'web-copy', '-o', 'json']).stdout);
    expect(copy.spec.containers[0].image).toBe('nginx:1.27');
    expect(copy.spec.shareProcessNamespace).toBeUndefined();
    // Only --set-image: no debugging container, so the profile (which drops labels) is not applied (debug.go).
    expect(copy.metadata.labels).toEqual({ app: 'web' });
    expect(copy.status.phase).toBe('Running');
    host.run(['debug', 'web', '--copy-to=web-2', '--image=busybox', '--share-processes', '-c', 'sh', '--profile=general', '--', 'sleep', '1d']);
    const two = JSON.parse(host.run(['get', 'pod', 'web-2', '-o', 'json']).stdout);
    expect(two.spec.shareProcessNamespace).toBe(true);
    expect(two.spec.containers.map((c: { name: string }) => c.name)).toEqual(['nginx', 'sh']);
  });

  it('words bad input as kubectl 1.32: a --target naming no container is refused by the API server', () => {
    const { host } = withWeb();
    const err = (...a: string[]) => host.run(['debug', ...a]).stderr;
    expect(err('web', '--image=busybox', '--target=nope', '-c', 'd')).toBe(`${LEGACY}The Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"\n`);
    expect(err('web', '--image=busybox', '-c', 'nginx')).toBe(`${LEGACY}The Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "nginx"\n`);
    expect(err('web')).toBe('error: you must specify --image when not using --copy-to.\n');
    expect(err('web', '--image=busybox', '-t')).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect(err('--image=busybox')).toBe('error: NAME or filename is required for debug\n');
    expect(err('web', '--image=Bad Image')).toBe('error: invalid image name "Bad Image": invalid reference format\n');
    expect(err('web', '--image=busybox', '--copy-to=x', '--target=nginx')).toBe('error: --target is incompatible with --copy-to. Use --share-processes instead.\n');
    expect(err('web', '--image=busybox', '--set-image=a=b')).toBe('error: --set-image may only be used with --copy-to.\n');
    expect(err('nope', '--image=busybox', '--profile=general')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('--custom merges a partial container spec into the profile\'s container; its errors are kubectl 1.32\'s', () => {
    // Expected texts: the real kubectl 1.32 against podsim serve with the same files; the file is the docs' custom-profile.yaml.
    const custom = 'env:\n- name: ENV_VAR_1\n  value: value_1\n- name: ENV_VAR_2\n  value: value_2\nsecurityContext:\n  capabilities:\n    add:\n    - NET_ADMIN\n    - SYS_TIME\n';
    const { host, cluster } = hostWithCluster({ 'web.yaml': WEB, 'custom-profile.yaml': custom, 'list.yaml': '- a\n- b\n', 'named.yaml': 'name: x\n' });
    host.run(['apply', '-f', 'web.yaml']);
    cluster.advance(15_000);
    expect(host.run(['debug', 'web', '--image=busybox:1.28', '--target=nginx', '--profile=general', '--custom=custom-profile.yaml', '-c', 'dbg']).code).toBe(0);
    const get = (path: string) => host.run(['get', 'pod', 'web', '-o', `jsonpath={.spec.ephemeralContainers[0].${path}}`]).stdout;
    expect(get('env')).toBe('[{"name":"ENV_VAR_1","value":"value_1"},{"name":"ENV_VAR_2","value":"value_2"}]');
    expect(get('securityContext')).toBe('{"capabilities":{"add":["NET_ADMIN","SYS_TIME"]}}');
    expect(get('name')).toBe('dbg');
    const err = (file: string) => host.run(['debug', 'web', '--image=busybox', '--profile=general', `--custom=${file}`]).stderr;
    expect(err('nope.yaml')).toBe('error: must pass a container spec json file for custom profile: open nope.yaml: no such file or directory\n');
    expect(err('list.yaml')).toBe('error: list.yaml does not contain a valid container spec: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type v1.Container\n');
    expect(err('named.yaml')).toBe('error: name, command, image, lifecycle and volume devices are not modifiable via custom profile\n');
  });
});

describe('kubectl debug node/NAME', () => {
  it('starts node-debugger-NODE-xxxxx on the node in its host namespaces with / at /host and attaches (debug.go generateNodeDebugPod)', () => {
    const { host, cluster } = hostWithCluster({});
    const { run, tty, screen } = host.startOnTerminal(['debug', 'node/node01', '-it', '--image=ubuntu']);
    cluster.advance(15_000);
    expect(screen()).toMatch(/Creating debugging pod node-debugger-node01-[a-z0-9]{5} with container debugger on node node01\.\r\n/);
    expect(screen()).toContain("If you don't see a command prompt, try pressing enter.\r\n");
    expect(screen()).toContain('root@node01:/# ');
    tty.type('exit\r');
    cluster.advance(2_000);
    expect(run.code).toBe(0);
    const pod = JSON.parse(host.run(['get', 'pods', '-o', 'json']).stdout).items[0];
    expect(pod.metadata.name).toMatch(/^node-debugger-node01-[a-z0-9]{5}$/);
    expect(pod.spec).toMatchObject({ hostIPC: true, hostNetwork: true, hostPID: true, nodeName: 'node01', restartPolicy: 'Never' });
    expect(pod.spec.volumes[0]).toEqual({ name: 'host-root', hostPath: { path: '/', type: '' } });
    expect(pod.spec.tolerations[0]).toEqual({ operator: 'Exists' });
    expect(pod.spec.containers[0]).toMatchObject({ name: 'debugger', image: 'ubuntu', stdin: true, tty: true });
    expect(pod.spec.containers[0].volumeMounts[0]).toEqual({ mountPath: '/host', name: 'host-root' });
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(host.run(['debug', 'node/nope', '--image=ubuntu'])).toEqual({ code: 1, stdout: '', stderr: LEGACY + 'Error from server (NotFound): nodes "nope" not found\n' });
    expect(host.run(['debug', 'node/node02', '--image=busybox', '--profile=netadmin', '-c', 'dbg', '--', 'sleep', '1h']).stdout).toMatch(/^Creating debugging pod node-debugger-node02-[a-z0-9]{5} with container dbg on node node02\.\n$/);
  });
});
