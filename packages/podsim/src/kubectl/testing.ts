/**
 * Test harness: the kubectl program on a reader's machine (PidNamespace, files, loopback) over a
 * given API client, with captured stdout/stderr and virtual time driven by the test.
 */
import type { ApiClient, PodStreams } from '../api/types.js';
import { Clock } from '../clock/clock.js';
import type { EditorMode, HostContext } from './context.js';
import { dirname, FileSystem } from '../kernel/fs.js';
import { NetNamespace, type Network } from '../kernel/net.js';
import { PidNamespace, type Proc } from '../kernel/process.js';
import { Pipe, StringSink, type InputStream, type OutputStream } from '../kernel/streams.js';
import { Tty } from '../kernel/tty.js';
import { Deferred, type Waitable } from '../kernel/waitable.js';
import { Random } from '../random/random.js';
import { ApiServer } from '../api/server.js';
import { Cluster } from '../cluster/cluster.js';
import { kubectl } from './main.js';

export interface KubectlRun {
  proc: Proc;
  out: StringSink;
  err: StringSink;
  stdin: Pipe;
  readonly code: number | undefined;
}

const noStreams: PodStreams = {
  exec: () => ({ ok: false, status: { message: 'no kubelet in this test', reason: 'BadRequest' } }),
  logs: () => ({ ok: false, status: { message: 'no kubelet in this test', reason: 'BadRequest' } }),
  portForward: () => ({ ok: false, status: { message: 'no kubelet in this test', reason: 'BadRequest' } }),
  attach: () => ({ ok: false, status: { message: 'no kubelet in this test', reason: 'BadRequest' } }),
};

export class KubectlHost {
  readonly ns = new PidNamespace(false, 1000);
  readonly fs: FileSystem;
  readonly net: NetNamespace;
  readonly ctx: HostContext;
  /** Editor requests made by `kubectl edit`; tests settle them. */
  readonly editorRequests: { path: string; mode: EditorMode; done: Deferred<{ saved: boolean }> }[] = [];

  constructor(
    readonly clock: Clock,
    api: ApiClient,
    opts: { streams?: PodStreams; random?: Random; network?: Network; files?: Record<string, string> } = {},
  ) {
    this.fs = new FileSystem(() => clock.now());
    this.fs.mkdir('/home/learner', true);
    this.fs.mkdir('/tmp', true);
    for (const [p, text] of Object.entries(opts.files ?? {})) {
      this.fs.mkdir(dirname(`/home/learner/${p}`), true);
      this.fs.writeFile(`/home/learner/${p}`, text);
    }
    this.net = new NetNamespace('127.0.0.1', opts.network);
    this.ctx = {
      clock,
      random: opts.random ?? new Random(7),
      api,
      streams: opts.streams ?? noStreams,
      fs: this.fs,
      net: this.net,
      kubeconfig: { context: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin', namespace: 'default', server: 'https://controlplane:6443' },
      openEditor: (path: string, mode: EditorMode): Waitable<{ saved: boolean }> => {
        const done = new Deferred<{ saved: boolean }>();
        this.editorRequests.push({ path, mode, done });
        return done;
      },
    };
  }

  /** `kubectl <args>` on a terminal: everything shown lands in `screen`; type with `tty.type(…)`. */
  startOnTerminal(args: string[]): { run: KubectlRun; tty: Tty; screen: () => string } {
    let screen = '';
    const tty = new Tty((d) => (screen += d));
    const run = this.start(args, { stdin: tty.input, stdout: tty.output });
    tty.setForeground(this.ns, run.proc.pgid);
    return { run, tty, screen: () => screen };
  }

  /** Starts `kubectl <args>`; runs what is due now. Advance the clock to let it progress. */
  start(args: string[], opts: { stdin?: string | InputStream; stdout?: OutputStream; tty?: boolean } = {}): KubectlRun {
    const out = Object.assign(new StringSink(), { isTTY: opts.tty ?? false });
    const err = Object.assign(new StringSink(), { isTTY: opts.tty ?? false });
    const stdin = new Pipe();
    if (typeof opts.stdin === 'string') {
      stdin.write(opts.stdin);
      stdin.close();
    } else if (opts.stdin === undefined) stdin.close();
    const input = typeof opts.stdin === 'object' ? opts.stdin : stdin;
    const proc = this.ns.spawn({
      argv: ['kubectl', ...args],
      program: kubectl,
      cwd: '/home/learner',
      env: { HOME: '/home/learner' },
      stdin: input,
      stdout: opts.stdout ?? out,
      stderr: opts.stdout ?? err,
      ctx: this.ctx,
      sys: { clock: this.clock, resolve: () => undefined, hostname: () => 'learner' },
    });
    this.clock.flush();
    return {
      proc,
      out,
      err,
      stdin,
      get code() {
        return proc.exitCode;
      },
    };
  }

  /** Runs `kubectl <args>` to completion, advancing virtual time in 100 ms steps up to `maxMs`. */
  run(args: string[], opts: { stdin?: string; maxMs?: number; tty?: boolean } = {}): { code: number | undefined; stdout: string; stderr: string } {
    const r = this.start(args, opts);
    let waited = 0;
    const max = opts.maxMs ?? 120_000;
    while (r.proc.alive && waited < max) {
      this.clock.advance(100);
      waited += 100;
    }
    return { code: r.code, stdout: r.out.text, stderr: r.err.text };
  }
}

export function hostWithoutCluster(files?: Record<string, string>): KubectlHost {
  const unreachable = (): never => {
    throw new Error('this test has no API server');
  };
  const api = { resources: unreachable, create: unreachable, get: unreachable, list: unreachable, update: unreachable, updateStatus: unreachable, patch: unreachable, delete: unreachable, watch: unreachable, bind: unreachable, createToken: unreachable } as ApiClient;
  return new KubectlHost(new Clock(), api, { files });
}

/** A reader's machine talking to a bare API server (no kubelets: pods stay Pending unless a test writes status). */
export function hostWithServer(files?: Record<string, string>, streams?: PodStreams): { host: KubectlHost; api: ApiServer; clock: Clock } {
  const clock = new Clock();
  const api = new ApiServer({ clock, random: new Random(1) });
  return { host: new KubectlHost(clock, api, { files, streams }), api, clock };
}

/** A reader's machine next to a whole simulated cluster (kubelets, controllers, network). */
export function hostWithCluster(files?: Record<string, string>): { host: KubectlHost; cluster: Cluster } {
  const cluster = new Cluster({ seed: 1 });
  cluster.advance(5000);
  const host = new KubectlHost(cluster.clock, cluster.api, { streams: cluster.streams, network: cluster.network, random: cluster.random, files });
  return { host, cluster };
}
