/**
 * Starts the page's simulator worker and keeps it alive: a worker that crashes or stops answering
 * is replaced and rebuilt from the last saved state, and the caller is told so it can say it.
 */
import * as Comlink from 'comlink';
import type { SandboxApi, SandboxOptions, SavedState } from 'podsim';
import type { SandboxStarter } from '../../worker/sandbox.worker.ts';
import { spawnSandboxWorker } from '../../worker/spawn-worker.ts';

export type RemoteSandbox = Comlink.Remote<SandboxApi>;

const HEARTBEAT_MS = 2000;
const HEARTBEAT_TIMEOUT_MS = 6000;

interface Started {
  worker: Worker;
  api: RemoteSandbox;
}

async function startWorker(options: SandboxOptions, saved: SavedState | undefined, worker: Worker): Promise<Started> {
  const starter = Comlink.wrap<SandboxStarter>(worker);
  try {
    const api = (await starter.start({ options, saved })) as unknown as RemoteSandbox;
    return { worker, api };
  } catch (err) {
    worker.terminate();
    throw err;
  }
}

export interface SupervisorHooks {
  /** Wires listeners on a freshly started sandbox (output, editor, changes). */
  attach(api: RemoteSandbox): Promise<void>;
  /** The last state worth restoring after a crash. */
  lastState(): SavedState | undefined;
  /** Called after a crashed worker was replaced. */
  recovered(): void;
}

export class SandboxSupervisor {
  private current?: Started;
  private timer?: ReturnType<typeof setInterval>;
  private restarting?: Promise<void>;

  constructor(
    private readonly options: SandboxOptions,
    private readonly hooks: SupervisorHooks,
  ) {}

  get started(): boolean {
    return this.current !== undefined;
  }

  get api(): RemoteSandbox {
    if (!this.current) throw new Error('sandbox not started');
    return this.current.api;
  }

  /** Starts a sandbox in `worker` (one the page spawned early to save time) or in a new worker. */
  async start(saved?: SavedState, worker = spawnSandboxWorker()): Promise<void> {
    this.stop();
    this.current = await startWorker(this.options, saved, worker);
    this.current.worker.addEventListener('error', () => void this.recover());
    await this.hooks.attach(this.current.api);
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
  }

  /** Terminates the worker without telling anyone, as a crash would. */
  kill(): void {
    this.current?.worker.terminate();
  }

  stop(): void {
    clearInterval(this.timer);
    this.current?.api[Comlink.releaseProxy]();
    this.current?.worker.terminate();
    this.current = undefined;
  }

  private async heartbeat(): Promise<void> {
    const api = this.current?.api;
    if (!api || this.restarting) return;
    const alive = await Promise.race([
      api.now().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HEARTBEAT_TIMEOUT_MS)),
    ]);
    if (!alive && api === this.current?.api) await this.recover();
  }

  private recover(): Promise<void> {
    this.restarting ??= this.start(this.hooks.lastState())
      .then(() => this.hooks.recovered())
      .finally(() => (this.restarting = undefined));
    return this.restarting;
  }
}
