import { describe, expect, it } from 'vitest';
import { Sandbox } from '../sandbox.js';
import { parseCrictlFlags } from './crictl-flags.js';
import { humanSize } from './crictl-lists.js';
import { EXEC_FLAGS } from './crictl-streams.js';

/** A reader logged in to node01, where the static-pod page's nginx pod has been running for a while. */
function nodeWithStaticWeb(): Sandbox {
  const sb = new Sandbox({ seed: 1 });
  sb.runLine('ssh node01');
  sb.runLine(`printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: static-web\\n  labels:\\n    role: myrole\\nspec:\\n  containers:\\n  - name: web\\n    image: nginx\\n' > /etc/kubernetes/manifests/static-web.yaml`);
  sb.advance(30_000);
  return sb;
}

describe('crictl flags (urfave/cli v2 over Go flag)', () => {
  it('stops at the first argument and splits joined one-letter booleans', () => {
    const r = parseCrictlFlags(['-it', 'abc', 'ls', '-l'], EXEC_FLAGS);
    expect(r.ok && [r.value.bool('interactive'), r.value.bool('tty'), r.value.args]).toEqual([true, true, ['abc', 'ls', '-l']]);
  });

  it('reports what Go flag reports, naming the flag with one dash', () => {
    expect(parseCrictlFlags(['--foo'], EXEC_FLAGS)).toEqual({ ok: false, error: 'flag provided but not defined: -foo' });
    expect(parseCrictlFlags(['--timeout', 'x'], EXEC_FLAGS)).toEqual({ ok: false, error: 'invalid value "x" for flag -timeout: parse error' });
    expect(parseCrictlFlags(['--timeout'], EXEC_FLAGS)).toEqual({ ok: false, error: 'flag needs an argument: -timeout' });
  });
});

describe('crictl SIZE (go-units HumanSizeWithPrecision(size, 3): Go `%.3g`, same as C printf `%.3g` in python3)', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [1024, '1.02kB'],
    [320368, '320kB'],
    [999999, '1e+03kB'],
    [1048576, '1.05MB'],
    [67300000, '67.3MB'],
    [3420000000, '3.42GB'],
  ])('%d bytes → %s', (bytes, text) => expect(humanSize(bytes)).toBe(text));
});

describe('crictl on a node (cri-tools v1.32.0 cmd/crictl)', () => {
  it('ps filters by name, label, pod and state; -q prints full IDs', () => {
    const sb = nodeWithStaticWeb();
    const ids = sb.runLine('crictl ps -q --name ^web$').output.trim().split('\n');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(sb.runLine('crictl ps --name nothing-like-this').output).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE\n');
    expect(sb.runLine('crictl ps -q --label io.kubernetes.pod.name=static-web-node01').output).toBe(`${ids[0]}\n`);
    expect(sb.runLine('crictl ps -q --label io.kubernetes.pod.namespace=kube-system').output).not.toContain(ids[0]);
    const pod = sb.runLine('crictl pods -q --name static-web').output.trim();
    expect(sb.runLine(`crictl ps -q -p ${pod.slice(0, 5)}`).output).toBe(`${ids[0]}\n`);
    expect(sb.runLine('crictl ps -q --state exited').output).toBe('');
    expect(sb.runLine('crictl ps -r --name ^web$').output).toMatch(/^[0-9a-f]{13} +docker\.io\/library\/nginx:latest +/m);
    // util.go parseLabelStringSlice, through logrus.Fatal; container.go's log.Fatalf (Go's standard logger).
    expect(sb.runLine('crictl ps --label role; echo $?').output).toBe('FATA[0000] incorrectly specified label: role\n1\n');
    expect(sb.runLine('crictl ps --state sleeping').output).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d --state should be one of created, running, exited or unknown\n$/);
    expect(sb.runLine('crictl ps --bogus').output).toBe('Incorrect Usage: flag provided but not defined: -bogus\n\nFATA[0000] flag provided but not defined: -bogus\n');
  });

  it('pods filters by name, namespace and the pod’s labels', () => {
    const sb = nodeWithStaticWeb();
    const rows = sb.runLine('crictl pods --label role=myrole').output.split('\n');
    expect(rows[0]).toBe('POD ID              CREATED             STATE               NAME                NAMESPACE           ATTEMPT             RUNTIME');
    expect(rows[1]).toMatch(/^[0-9a-f]{13} {7}\d+ seconds ago +Ready {15}static-web-node01 {3}default {13}0 {19}\(default\)$/);
    expect(rows).toHaveLength(3);
    // kube-proxy's DaemonSet runs on every node of a kubeadm cluster.
    expect(sb.runLine('crictl pods --namespace kube-system').output).toMatch(/\n[0-9a-f]{13} .* kube-proxy-[a-z0-9]{5} +kube-system +0 +\(default\)\n$/);
    expect(sb.runLine('crictl pods --namespace def -q').output).toBe(`${sb.runLine('crictl pods -q --name static-web').output}`);
    expect(sb.runLine('crictl pods --latest -q').output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(sb.runLine('crictl pods --state running').output).toMatch(/--state should be ready or notready\n$/);
  });

  it('images lists the node’s store, a row per tag; containerd ignores the REPOSITORY filter', () => {
    const sb = nodeWithStaticWeb();
    const out = sb.runLine('crictl images').output;
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^IMAGE +TAG +IMAGE ID +SIZE$/);
    expect(out).toMatch(/^docker\.io\/library\/nginx +latest +[0-9a-f]{13} +\d+(\.\d+)?MB$/m);
    expect(out).toMatch(/^registry\.k8s\.io\/pause +3\.10 +[0-9a-f]{13} +\d+(\.\d+)?kB$/m);
    expect(out).toMatch(/^registry\.k8s\.io\/kube-proxy +v1\.32\.\d+ /m);
    expect(sb.runLine('crictl images nginx').output).toBe(out);
    expect(sb.runLine('crictl images -q').output).toMatch(/^(sha256:[0-9a-f]{64}\n)+$/);
    // One image ID in both listings, as containerd reports the image a container runs by its ID.
    const nginxId = /^docker\.io\/library\/nginx +latest +([0-9a-f]{13}) /m.exec(out)![1];
    expect(sb.runLine('crictl ps --name ^web$').output).toMatch(new RegExp(`^[0-9a-f]{13} +${nginxId} +`, 'm'));
    expect(sb.runLine('crictl images --pinned').output).toMatch(/^registry\.k8s\.io\/pause +3\.10 +[0-9a-f]{13} +\S+ +true$/m);
  });

  it('exec runs a command in the container; a failing one ends crictl with exit code 1 and its error', () => {
    const sb = nodeWithStaticWeb();
    const id = sb.runLine('crictl ps -q --name ^web$').output.trim().slice(0, 13);
    expect(sb.runLine(`crictl exec -i -t ${id} cat /etc/hostname; echo $?`).output).toBe('static-web-node01\n0\n');
    expect(sb.runLine(`crictl exec ${id} sh -c 'echo out; exit 3'; echo $?`).output).toBe(`out\nFATA[0000] execing command in container ${id}: command terminated with exit code 3\n1\n`);
    expect(sb.runLine('crictl exec 0000000000000 ls').output).toMatch(/^FATA\[0000\] execing command in container 0000000000000: rpc error: code = NotFound /);
    expect(sb.runLine(`crictl exec -t ${id} ls`).output).toBe(`FATA[0000] execing command in container ${id}: tty=true must be specified with interactive=true\n`);
    sb.runLine(`crictl stop ${id}`);
    sb.advance(20_000);
    // containerd's Exec refuses a container that is not running.
    expect(sb.runLine(`crictl exec ${id} ls`).output).toBe(`FATA[0000] execing command in container ${id}: rpc error: code = Unknown desc = container is in CONTAINER_EXITED state\n`);
  });

  it('logs --tail keeps the last lines; -t puts each line’s time in front', () => {
    const sb = nodeWithStaticWeb();
    const id = sb.runLine('crictl ps -q --name ^web$').output.trim();
    const all = sb.runLine(`crictl logs ${id}`).output.split('\n').filter(Boolean);
    expect(all.length).toBeGreaterThan(3);
    expect(sb.runLine(`crictl logs --tail=1 ${id}`).output).toBe(`${all.at(-1)}\n`);
    expect(sb.runLine(`crictl logs -t --tail 1 ${id}`).output).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /);
  });

  it('version: crictl’s own, and containerd’s CRI Version as version.go prints it (fmt.Println, two spaces)', () => {
    const sb = nodeWithStaticWeb();
    expect(sb.runLine('crictl --version').output).toBe('crictl version v1.32.0\n');
    expect(sb.runLine('crictl version').output).toBe('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.24\nRuntimeApiVersion:  v1\n');
  });

  it('takes the global --runtime-endpoint: containerd’s socket works, another runtime’s is not there', () => {
    const sb = nodeWithStaticWeb();
    expect(sb.runLine('crictl --runtime-endpoint unix:///run/containerd/containerd.sock ps -q --name ^web$').output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(sb.runLine('crictl -r unix:///var/run/crio/crio.sock ps').output).toMatch(/^FATA\[0000\] validate service connection: validate CRI v1 runtime API for endpoint "unix:\/\/\/var\/run\/crio\/crio\.sock": rpc error: code = Unavailable /);
  });
});
