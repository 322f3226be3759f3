import { describe, expect, it } from 'vitest';
import { plainText } from '../../format/screen-text.js';
import { Sandbox } from '../sandbox.js';

const STATIC_WEB = `cat <<EOF >/etc/kubernetes/manifests/static-web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: static-web
spec:
  containers:
    - name: web
      image: nginx
EOF`;

/** Types a (here-document) command line by line as a reader pastes it; returns what the last line printed. */
function type(sb: Sandbox, command: string, ms = 30_000) {
  const lines = command.split('\n');
  for (const l of lines.slice(0, -1)) sb.write(l + '\r');
  return sb.runLine(lines[lines.length - 1], ms);
}

/** A sandbox whose reader is logged in to `node` and has written the static pod's manifest there. */
function writtenOn(node: string): Sandbox {
  const sb = new Sandbox({ seed: 1 });
  sb.runLine(`ssh ${node}`);
  type(sb, STATIC_WEB);
  return sb;
}

const lastLine = (sb: Sandbox) => plainText(sb.screen()).split('\n').pop()?.trimEnd();

describe('ssh to a node, and the node as a machine', () => {
  it('fails for hosts that are not nodes with the texts ssh prints, exit 255', () => {
    const sb = new Sandbox({ seed: 1 });
    expect(sb.runLine('ssh my-node1')).toEqual({ output: 'ssh: Could not resolve hostname my-node1: Name or service not known\n', exitCode: 255 });
    expect(sb.runLine('ssh 10.9.9.9')).toEqual({ output: 'ssh: connect to host 10.9.9.9 port 22: No route to host\n', exitCode: 255 });
    expect(sb.runLine('ssh learner@node01')).toEqual({ output: 'learner@node01: Permission denied (publickey).\n', exitCode: 255 });
    expect(sb.runLine('ssh').exitCode).toBe(255);
    expect(sb.runLine('ssh').output).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/);
  });

  it('runs one command on a node by name or address, as root (the reader’s ssh client configuration)', () => {
    const sb = new Sandbox({ seed: 1 });
    expect(sb.runLine('cat /etc/ssh/ssh_config.d/cluster.conf').output).toContain('User root');
    expect(sb.runLine('ssh node02 hostname')).toEqual({ output: 'node02\n', exitCode: 0 });
    expect(sb.runLine('ssh 172.18.0.2 hostname').output).toBe('controlplane\n');
    expect(sb.runLine('ssh node01 whoami').output).toBe('root\n');
    expect(sb.runLine("ssh node01 'ls /etc/kubernetes/manifests; exit 3'").exitCode).toBe(3);
  });

  it('opens a login shell with its prompt; exit says logout and closes the connection', () => {
    const sb = new Sandbox({ seed: 1 });
    sb.runLine('ssh node01');
    expect(lastLine(sb)).toBe('root@node01:~#');
    expect(sb.runLine('grep staticPodPath /var/lib/kubelet/config.yaml').output).toBe('staticPodPath: /etc/kubernetes/manifests\n');
    expect(sb.runLine('ls /etc/kubernetes/manifests').output).toBe('');
    const bye = sb.runLine('exit');
    expect(bye.output).toBe('logout\nConnection to node01 closed.\n');
    expect(lastLine(sb)).toMatch(/^learner@podlab:~\$$/);
  });

  it('a manifest written on the node runs as a static pod; systemctl restart kubelet lists it at once', () => {
    const sb = writtenOn('node01');
    expect(sb.runLine('systemctl restart kubelet')).toEqual({ output: '', exitCode: 0 });
    sb.advance(30_000);
    sb.runLine('exit');
    expect(sb.runLine('kubectl get pods').output).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nstatic-web-node01\s+1\/1\s+Running\s+0\s+\d+s\n$/);
    // The same file seen from a debug pod's /host, and nothing on another node.
    expect(sb.runLine('ssh node02 ls /etc/kubernetes/manifests').output).toBe('');
    expect(sb.runLine('ssh node01 ls /etc/kubernetes/manifests').output).toBe('static-web.yaml\n');
  });

  it('writes to one node’s folder start nothing on another', () => {
    const sb = writtenOn('node02');
    sb.runLine('exit');
    sb.advance(25_000);
    expect(sb.runLine('kubectl get pods -o wide').output).toMatch(/static-web-node02 .* node02 /);
    expect(sb.runLine('kubectl get pods').output).not.toContain('static-web-node01');
  });

  it('crictl lists the node’s sandboxes and containers; stop kills one and the kubelet restarts it', () => {
    const sb = writtenOn('node01');
    sb.runLine('systemctl restart kubelet');
    sb.advance(30_000);
    const ps = sb.runLine('crictl ps').output.split('\n');
    expect(ps[0]).toBe('CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD                 NAMESPACE');
    const row = ps.find((l) => l.includes('static-web-node01'))!;
    expect(row).toMatch(/^[0-9a-f]{13} {7}[0-9a-f]{13} {7}\d+ seconds ago {3,}Running {13}web {17}0 {19}[0-9a-f]{13} {7}static-web-node01 {3}default$/);
    expect(sb.runLine('crictl pods').output).toMatch(/^POD ID {14}CREATED {13}STATE {15}NAME {16}NAMESPACE {11}ATTEMPT {13}RUNTIME\n/);
    const id = row.slice(0, 13);
    expect(sb.runLine(`crictl stop ${id}`)).toEqual({ output: `${id}\n`, exitCode: 0 });
    sb.advance(20_000);
    const after = sb.runLine('crictl ps -a').output;
    expect(after).toMatch(new RegExp(`^${id} .*Exited +web +0 `, 'm'));
    expect(after).toMatch(/^[0-9a-f]{13} .*Running +web +1 /m);
    expect(sb.runLine('crictl stop 0000000000000').output).toMatch(/^FATA\[0000\] stopping the container "0000000000000": rpc error: code = NotFound/);
  });

  it('journalctl -u kubelet shows why a manifest was not run; the kubelet goes on', () => {
    const sb = new Sandbox({ seed: 1 });
    sb.runLine('ssh node01');
    sb.runLine(`printf 'apiVersion: v1\\nkind: Pod\\nmetadata;\\n  name: x\\n' > /etc/kubernetes/manifests/broken.yaml`);
    sb.runLine('systemctl restart kubelet');
    const log = sb.runLine('journalctl -u kubelet --no-pager -n 1').output;
    expect(log).toMatch(/^\w{3} \d\d \d\d:\d\d:\d\d node01 kubelet\[\d+\]: E\d{4} .* file\.go:187\] "Could not process manifest file" err="\/etc\/kubernetes\/manifests\/broken\.yaml: couldn't parse as pod\(yaml: line 4: could not find expected ':'\), please check config file" path="\/etc\/kubernetes\/manifests\/broken\.yaml"\n$/);
    expect(sb.runLine('systemctl status kubelet').output).toMatch(/^● kubelet\.service - kubelet: The Kubernetes Node Agent\n {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; vendor preset: enabled\)\n/);
    expect(sb.runLine('systemctl is-active kubelet').output).toBe('active\n');
    expect(sb.runLine('systemctl restart kubelt').output).toBe('Failed to restart kubelt.service: Unit kubelt.service not found.\n');
    // In the node's shell: its own `$?`.
    expect(sb.runLine('echo $?').output).toBe('5\n');
    expect(sb.runLine('sudo whoami').output).toBe('root\n');
  });

  it("has an Ubuntu server's top-level directories; a hostPath volume on that node sees the files written there", () => {
    const sb = new Sandbox({ seed: 1, workers: 1 });
    sb.runLine('ssh node01');
    // Ubuntu 22.04's / (as `ls /` shows it on a kubeadm node): /mnt, /opt, /srv, /home are there to use.
    expect(sb.runLine('ls -d /home /mnt /opt /srv').output).toBe('/home  /mnt  /opt  /srv\n');
    expect(sb.runLine('sudo mkdir /mnt/data').exitCode).toBe(0);
    expect(sb.runLine(`sudo sh -c "echo 'Hello from the node' > /mnt/data/index.html"`).exitCode).toBe(0);
    sb.runLine('exit');
    type(sb, `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
    - name: site
      hostPath:
        path: /mnt/data
  containers:
    - name: web
      image: nginx
      volumeMounts:
        - name: site
          mountPath: /usr/share/nginx/html
EOF`);
    sb.advance(30_000);
    expect(sb.runLine('kubectl exec web -- curl -s http://localhost/').output).toBe('Hello from the node\n');
    // The container writes to the node's directory: the node's shell reads it.
    sb.runLine('kubectl exec web -- sh -c "echo from the pod > /usr/share/nginx/html/pod.txt"');
    expect(sb.runLine('ssh node01 cat /mnt/data/pod.txt').output).toBe('from the pod\n');
  });
});

describe('name lookups on a node', () => {
  it("nslookup is BIND's (bind9-dnsutils), asking the server named on its command line", () => {
    const sb = new Sandbox({ seed: 1 });
    // CoreDNS has started.
    sb.advance(60_000);
    sb.runLine('kubectl create service clusterip hostnames --tcp=80:9376');
    const ip = sb.runLine("kubectl get svc hostnames -o jsonpath='{.spec.clusterIP}'").output;
    // BIND 9.18's nslookup (the debug-service page's run from a node): `Address: SERVER#53`, then a Name/Address pair
    // (tab-separated; the terminal shows the tabs' columns).
    expect(sb.runLine('ssh node01 nslookup hostnames.default.svc.cluster.local 10.96.0.10')).toEqual({
      output: `Server:         10.96.0.10\nAddress:        10.96.0.10#53\n\nName:   hostnames.default.svc.cluster.local\nAddress: ${ip}\n\n`,
      exitCode: 0,
    });
  });
});

describe('processes of a node', () => {
  it('ps lists the daemons systemd started: the kubelet with the command line of kubeadm\'s drop-in, multi-threaded', () => {
    const sb = new Sandbox({ seed: 1, cols: 400 });
    const out = plainText(sb.runLine("ssh node01 'ps auxw | grep [k]ubelet; ps -e -f'").output);
    // kubeadm's 10-kubeadm.conf: ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS.
    expect(out).toMatch(
      /^root +\d+ +\S+ +\S+ +\d+ +\d+ \? +Ssl +\d\d:\d\d +0:00 \/usr\/bin\/kubelet --bootstrap-kubeconfig=\/etc\/kubernetes\/bootstrap-kubelet\.conf --kubeconfig=\/etc\/kubernetes\/kubelet\.conf --config=\/var\/lib\/kubelet\/config\.yaml --container-runtime-endpoint=unix:\/\/\/var\/run\/containerd\/containerd\.sock /,
    );
    expect(out).toMatch(/^UID +PID +PPID +C STIME TTY +TIME CMD\nroot +1 +0 +0 \d\d:\d\d \? +00:00:00 \/sbin\/init$/m);
    expect(out).toMatch(/^root +\d+ +0 +0 \d\d:\d\d \? +00:00:00 \/usr\/bin\/containerd$/m);
  });
});
