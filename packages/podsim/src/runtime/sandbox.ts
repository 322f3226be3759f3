/**
 * A pod sandbox: the network namespace (pod IP, shared localhost and port table) and, with
 * shareProcessNamespace, one PID namespace whose PID 1 is the pause process.
 */
import type { Clock } from '../clock/clock.js';
import { NetNamespace, type Listener, type Network } from '../kernel/net.js';
import { PidNamespace, type Proc, type System } from '../kernel/process.js';
import { SIGNALS } from '../kernel/signals.js';
import { emptyInput, nullOutput } from '../kernel/streams.js';
import { forever, wait } from '../kernel/waitable.js';
import { findImage } from '../images/index.js';
import type { Random } from '../random/random.js';
import { Container, RUNC_INIT_THREADS, type PodEnvironment } from './container.js';
import { containerId } from './ids.js';
import { imageNotFound, mountFailed, noCommand } from './messages.js';
import type { ContainerConfig, PodSandbox, RuntimeContainer, SandboxConfig } from './types.js';

export class Sandbox implements PodSandbox {
  readonly id: string;
  readonly ip: string;
  readonly net: NetNamespace;
  private readonly env: PodEnvironment;
  private readonly containers: Container[] = [];
  private pause: Proc | undefined;

  constructor(clock: Clock, random: Random, network: Network, readonly cfg: SandboxConfig) {
    this.id = containerId(random);
    this.ip = cfg.ip;
    const node = cfg.hostNetwork ? network.namespaceOf(cfg.ip) : undefined;
    this.net = node ?? new NetNamespace(cfg.ip, network);
    if (!node) network.attach(this.net);
    for (const m of cfg.portMappings ?? []) {
      const node = network.namespaceOf(m.hostIP);
      const listener: Listener = { port: m.hostPort, owner: 'portmap', forward: () => this.net.listener(m.containerPort) ?? 'ECONNREFUSED' };
      // A port another pod's mapping holds stays theirs (the scheduler keeps two such pods off one node).
      if (node?.listen(listener) === 'ok') this.net.onDestroy(() => node.close(m.hostPort, listener));
    }
    let sharedPids: PidNamespace | undefined;
    if (cfg.shareProcessNamespace) {
      sharedPids = new PidNamespace(true);
      this.pause = startPause(sharedPids, clock, cfg.hostname);
    }
    this.env = { clock, random, net: this.net, hostname: cfg.hostname, hostNames: cfg.hostNames, ip: cfg.ip, podName: cfg.podName, namespace: cfg.namespace, dns: cfg.dns, sharedPids, userns: cfg.userns };
  }

  createContainer(cfg: ContainerConfig): { ok: true; container: RuntimeContainer } | { ok: false; message: string } {
    const ref = cfg.imageRef || cfg.image;
    const found = findImage(ref);
    if (!found.ok) return { ok: false, message: imageNotFound(ref) };
    const { image } = found;
    // Kubernetes: command replaces ENTRYPOINT (and drops CMD); args replace CMD.
    const entry = cfg.command && cfg.command.length > 0 ? cfg.command : (image.config.entrypoint ?? []);
    const rest = cfg.command && cfg.command.length > 0 ? (cfg.args ?? []) : cfg.args && cfg.args.length > 0 ? cfg.args : (image.config.cmd ?? []);
    const argv = [...entry, ...rest];
    let container: Container;
    try {
      container = new Container(cfg.joinPids ? { ...this.env, sharedPids: cfg.joinPids } : this.env, image, found.ref.canonical, cfg, argv);
    } catch (e) {
      // A mount onto a file of the image, a working directory that is a file: runc refuses the spec.
      return { ok: false, message: mountFailed(e) };
    }
    if (argv.length === 0) return { ok: false, message: noCommand(container.id) };
    this.containers.push(container);
    return { ok: true, container };
  }

  destroy(): void {
    for (const c of this.containers) c.killAll();
    this.pause?.kill(SIGNALS.SIGKILL);
    if (!this.cfg.hostNetwork) this.net.destroy();
  }
}

/** The pause process: PID 1 of a shared PID namespace, reaping orphans and waiting forever. */
function startPause(pids: PidNamespace, clock: Clock, hostname: string): Proc {
  const sys: System = { clock, hostname: () => hostname, resolve: () => undefined };
  return pids.spawn({
    argv: ['/pause'],
    threads: RUNC_INIT_THREADS.newNamespace,
    sys,
    ctx: { user: '65535' },
    stdin: emptyInput,
    stdout: nullOutput,
    stderr: nullOutput,
    *program() {
      yield* wait(forever);
      return 0;
    },
  });
}
