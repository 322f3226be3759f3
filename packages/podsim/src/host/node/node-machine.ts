/**
 * A cluster node as a machine the reader logs in to (`ssh node01`): the kubelet's own file system
 * (where its config and static pod folder live, and what `kubectl debug node/…` mounts at /host), the
 * node's hostname, root's login environment, the shared coreutils and the node's admin tools.
 */
import type { Clock } from '../../clock/clock.js';
import { FileSystem, resolvePath } from '../../kernel/fs.js';
import type { MachineContext } from '../../kernel/machine.js';
import { PidNamespace, type Program, type System } from '../../kernel/process.js';
import type { Kubelet } from '../../kubelet/kubelet.js';
import { PROGRAMS } from '../../programs/index.js';
import { CLIENT_PROGRAMS } from '../../programs/clients/index.js';
import { bash, BASH, shellMain } from '../../shell/index.js';
import { crictl } from './crictl.js';
import { startNodeDaemons } from './node-processes.js';
import { journalctl } from './journalctl.js';
import { sudo } from './sudo.js';
import { systemctl } from './systemctl.js';

export interface NodeMachineContext extends MachineContext {
  kubelet: Kubelet;
}

export interface NodeMachine {
  readonly name: string;
  readonly ns: PidNamespace;
  readonly sys: System;
  readonly ctx: NodeMachineContext;
  /** The environment a login shell of `user` starts with. */
  loginEnv(user: string, term: string | undefined): Record<string, string>;
}

/**
 * Ubuntu Server's standard tools include BIND's lookups (bind9-dnsutils): a node's nslookup is BIND's
 * (`Address: S#53`), not busybox's. dig is left out: its banner names the Ubuntu package release.
 */
const NODE_PROGRAMS: Record<string, Program> = { sudo, systemctl, journalctl, crictl, nslookup: CLIENT_PROGRAMS.nslookup, host: CLIENT_PROGRAMS.host };

/** The cluster's nodes as the reader's machine reaches them (by name; their kubelets hold their files). */
export interface ClusterNodes {
  nodeNames(): string[];
  kubelet(name: string): Kubelet | undefined;
}

/** Ubuntu's merged /usr: every program is in /usr/bin (`which bash` says /usr/bin/bash). */
const pathOf = (name: string) => `/usr/bin/${name}`;

const machines = new WeakMap<Kubelet, NodeMachine>();

export function nodeMachine(kubelet: Kubelet, clock: Clock): NodeMachine {
  const known = machines.get(kubelet);
  if (known) return known;
  const fs = new FileSystem(() => clock.now(), kubelet.root);
  const table: Record<string, Program> = { ...PROGRAMS, ...NODE_PROGRAMS, bash, sh: bash };
  const sys: System = {
    clock,
    hostname: () => kubelet.nodeName,
    resolve(command, env) {
      if (command.includes('/')) {
        const name = command.split('/').pop()!;
        const abs = resolvePath(env.PWD ?? '/', command);
        if (Object.hasOwn(table, name) && (abs === pathOf(name) || abs === `/bin/${name}` || abs === `/usr/sbin/${name}`)) return { path: abs, program: table[name] };
        if (!fs.exists(abs) || fs.stat(abs).kind !== 'file') return undefined;
        return { path: abs, program: (proc) => shellMain(BASH, proc, ['bash', abs, ...proc.argv.slice(1)]) };
      }
      return Object.hasOwn(table, command) ? { path: pathOf(command), program: table[command] } : undefined;
    },
  };
  const ns = new PidNamespace(false);
  const ctx: NodeMachineContext = { fs, net: kubelet.hostNet, flavor: 'gnu', user: 'root', kubelet };
  startNodeDaemons(ns, sys, ctx);
  const machine: NodeMachine = {
    name: kubelet.nodeName,
    ns,
    sys,
    ctx,
    loginEnv(user, term) {
      const home = user === 'root' ? '/root' : `/home/${user}`;
      return {
        HOME: home,
        USER: user,
        LOGNAME: user,
        SHELL: '/bin/bash',
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        LANG: 'C.UTF-8',
        PWD: home,
        ...(term ? { TERM: term } : {}),
      };
    },
  };
  machines.set(kubelet, machine);
  return machine;
}
