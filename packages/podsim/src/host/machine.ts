/**
 * The reader's machine: a laptop-like host outside the cluster with kubectl configured, a home
 * directory, coreutils, and its own loopback (where `kubectl port-forward` listens). It sits on the
 * nodes' network, as a lab machine beside a kubeadm cluster does: /etc/hosts names the nodes (so the
 * kubeconfig's https://controlplane:6443 resolves), the network's gateway answers DNS, and pod and
 * Service addresses are not routed to it.
 */
import { METRICS_SERVER_WEB } from './web/metrics-server.js';
import type { ApiClient, PodStreams } from '../api/types.js';
import type { Clock } from '../clock/clock.js';
import { passwd } from '../images/userland.js';
import { FileSystem, resolvePath } from '../kernel/fs.js';
import { NetNamespace, type ConnectError, type Listener, type Network } from '../kernel/net.js';
import { PidNamespace, type Program, type System } from '../kernel/process.js';
import type { Waitable } from '../kernel/waitable.js';
import { completeKubectl } from '../kubectl/complete.js';
import { kubectl } from '../kubectl/main.js';
import { CLIENT_PROGRAMS } from '../programs/clients/index.js';
import { PROGRAMS } from '../programs/index.js';
import type { Random } from '../random/random.js';
import { bash, BASH, shellMain } from '../shell/index.js';
import type { EditorMode, HostContext, KubeConfigInfo } from '../kubectl/context.js';
import { NODE_RESOLVER } from '../kubelet/dns-config.js';
import { onNodeNetwork, type NodeSpec } from '../cluster/topology.js';
import { HOST_PROGRAMS } from './programs/index.js';
import type { Kubelet } from '../kubelet/kubelet.js';
import type { ClusterNodes } from './node/node-machine.js';

export const HOME = '/home/learner';
export const HOSTNAME = 'podlab';
export const USER = 'learner';
/** The first account an Ubuntu installer creates. */
const USER_ID = 1000;

export const LOGIN_ENV: Record<string, string> = {
  HOME,
  USER,
  LOGNAME: USER,
  SHELL: '/bin/bash',
  PATH: '/usr/local/bin:/usr/bin:/bin',
  TERM: 'xterm-256color',
  LANG: 'C.UTF-8',
  PWD: HOME,
};

const KUBECONFIG: KubeConfigInfo = {
  context: 'kubernetes-admin@kubernetes',
  cluster: 'kubernetes',
  user: 'kubernetes-admin',
  namespace: 'default',
  server: 'https://controlplane:6443',
};

/** Where `type`/`which` say each command lives. */
function pathOf(name: string): string {
  // kubectl and the tools tutorials install from release downloads (`sudo mv ./kompose /usr/local/bin/kompose`).
  if (name === 'kubectl' || name === 'kompose') return `/usr/local/bin/${name}`;
  if (name === 'bash' || name === 'sh') return `/bin/${name}`;
  return `/usr/bin/${name}`;
}

export interface ClusterParts {
  clock: Clock;
  random: Random;
  api: ApiClient;
  streams: PodStreams;
  network: Network;
  nodes: readonly NodeSpec[];
  /** The nodes' kubelets, whose files `ssh` logs in to (absent in hosts without a cluster of their own). */
  nodeNames?(): string[];
  kubelet?(name: string): Kubelet | undefined;
}

/** Debian's /etc/hosts for the machine, plus the cluster's nodes as the lab set them up. */
function hostsFile(nodes: readonly NodeSpec[]): string {
  const lines = ['127.0.0.1\tlocalhost', `127.0.1.1\t${HOSTNAME}`, '::1\tlocalhost ip6-localhost ip6-loopback', 'ff02::1\tip6-allnodes', 'ff02::2\tip6-allrouters'];
  return [...lines, ...nodes.map((n) => `${n.internalIP}\t${n.name}`), ''].join('\n');
}

/**
 * The reader's ssh client logs in to the cluster's nodes as root, as on kubeadm lab machines
 * (`ssh node01` then `root@node01:~#`): the nodes take the reader's key for root.
 */
const SSH_CLUSTER_CONFIG = '/etc/ssh/ssh_config.d/cluster.conf';
const SSH_CONFIG = `Host controlplane node?? 172.18.0.*
    User root
`;

export class ReaderMachine {
  readonly fs: FileSystem;
  readonly net: NetNamespace;
  readonly ns = new PidNamespace(false, 1200);
  readonly ctx: HostContext;
  readonly sys: System;
  private readonly table: Record<string, Program>;

  constructor(
    cluster: ClusterParts,
    files: Record<string, string>,
    openEditor: (path: string, mode: EditorMode) => Waitable<{ saved: boolean }>,
    web: Record<string, string> = {},
  ) {
    const clock = cluster.clock;
    this.fs = new FileSystem(() => clock.now());
    for (const d of ['/home', '/tmp', '/etc', '/usr/bin', '/usr/local/bin', '/bin']) this.fs.mkdir(d, true);
    this.fs.chmod('/tmp', 0o1777);
    for (const [path, text] of Object.entries(passwd([['root', 0, '/root', '/bin/bash'], [USER, USER_ID, HOME, '/bin/bash']]))) this.fs.writeFile(path, text);
    this.fs.writeFile('/etc/hostname', HOSTNAME + '\n');
    this.fs.writeFile('/etc/hosts', hostsFile(cluster.nodes));
    this.fs.writeFile('/etc/resolv.conf', NODE_RESOLVER.servers.map((ip) => `nameserver ${ip}\n`).join(''));
    this.net = new NetNamespace('127.0.0.1', cluster.network, onNodeNetwork);
    this.fs.mkdir('/etc/ssh/ssh_config.d', true);
    this.fs.writeFile(SSH_CLUSTER_CONFIG, SSH_CONFIG);
    // What the reader makes is theirs (`ls -l` shows learner learner): their home, the files they saved, what they create later.
    this.fs.creator = { uid: USER_ID, gid: USER_ID };
    this.fs.mkdir(HOME, true);
    for (const [path, content] of Object.entries(files)) {
      const abs = resolvePath(HOME, path);
      this.fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
      this.fs.writeFile(abs, content);
    }
    this.table = { ...PROGRAMS, ...CLIENT_PROGRAMS, ...HOST_PROGRAMS, kubectl, bash, sh: bash };
    const nodeMachines: ClusterNodes = { nodeNames: () => cluster.nodeNames?.() ?? [], kubelet: (name) => cluster.kubelet?.(name) };
    this.ctx = { ...cluster, nodeMachines, fs: this.fs, net: this.net, kubeconfig: { ...KUBECONFIG }, web: { ...METRICS_SERVER_WEB, ...web }, openEditor, flavor: 'gnu', user: USER, completions: { kubectl: completeKubectl } } as HostContext;
    const table = this.table;
    const fs = this.fs;
    this.sys = {
      clock,
      hostname: () => HOSTNAME,
      resolve(command, env) {
        if (command.includes('/')) {
          const name = command.split('/').pop()!;
          if (Object.hasOwn(table, name) && pathOf(name) === resolvePath('/', command)) return { path: pathOf(name), program: table[name] };
          const abs = resolvePath(env.PWD ?? HOME, command);
          if (!fs.exists(abs) || fs.stat(abs).kind !== 'file') return undefined;
          // A script file runs under bash, as its #! line would ask.
          return { path: abs, program: (proc) => shellMain(BASH, proc, ['bash', abs, ...proc.argv.slice(1)]) };
        }
        return Object.hasOwn(table, command) ? { path: pathOf(command), program: table[command] } : undefined;
      },
      commands: () => Object.keys(table),
    } as System;
  }

  /**
   * The reader's `ports` on 127.0.0.1 reach whichever node serves them (a pod's hostPort), as
   * `minikube tunnel` opens them for an ingress and kind's ingress guide maps them (extraPortMappings).
   */
  publishNodePorts(ports: readonly number[], nodes: readonly NodeSpec[]): void {
    const network = this.net.network;
    const served = (port: number): Listener | ConnectError => {
      for (const n of nodes) {
        const l = network?.namespaceOf(n.internalIP)?.listener(port);
        if (l) return l.forward ? l.forward() : l;
      }
      return 'ECONNREFUSED';
    };
    for (const port of ports) this.net.listen({ port, owner: 'tunnel', forward: () => served(port) });
  }
}
