/**
 * A container instance's output as the kubelet's log files keep it: one timestamped entry per line
 * per stream, kept after exit so `kubectl logs --previous` can read it.
 */
import type { Clock } from '../clock/clock.js';
import type { OutputStream } from '../kernel/streams.js';
import type { ContainerLog, LogLine } from './types.js';

/**
 * The kubelet rotates a container's log file once it passes containerLogMaxSize (10Mi) and keeps
 * containerLogMaxFiles (5); `kubectl logs` reads only the current file. A browser tab holds many
 * containers for hours, so the size is scaled down to 64 KiB, and rotated files, which nothing here
 * can read, are not kept.
 */
export const CONTAINER_LOG_MAX_BYTES = 64 * 1024;

export class LogBuffer implements ContainerLog {
  private entries: LogLine[] = [];
  /** Bytes in the current file (each line plus its newline). */
  private bytes = 0;
  private readonly followers = new Set<(line: LogLine) => void>();
  private readonly partial = { stdout: '', stderr: '' };
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;

  /** Clients attached to the container's output (kubectl attach), besides the log itself. */
  private readonly attached = new Set<{ stdout: OutputStream; stderr: OutputStream }>();

  /** With a TTY both streams are the terminal: one `stdout` stream, as the kubelet logs it. */
  constructor(
    private readonly clock: Clock,
    tty = false,
  ) {
    this.stdout = { write: (d) => this.write('stdout', d), isTTY: tty };
    this.stderr = tty ? this.stdout : { write: (d) => this.write('stderr', d) };
  }

  /** Copies output from now on to a client; returns the detach function. */
  attach(client: { stdout: OutputStream; stderr: OutputStream }): () => void {
    this.attached.add(client);
    return () => this.attached.delete(client);
  }

  lines(): readonly LogLine[] {
    return this.entries;
  }

  follow(fn: (line: LogLine) => void): () => void {
    this.followers.add(fn);
    return () => this.followers.delete(fn);
  }

  /** Emits text written without a final newline as its own line (at process exit). */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') {
        const text = this.partial[stream];
        this.partial[stream] = '';
        this.push(stream, text);
      }
    }
  }

  /** The combined text, newline-terminated lines (termination-message fallback, tests). */
  text(): string {
    return this.entries.map((l) => l.text + '\n').join('');
  }

  // Servers log a line per request (every httpGet probe): no copies or splits on the common path.
  private write(stream: 'stdout' | 'stderr', data: string): void {
    if (this.attached.size > 0) for (const c of [...this.attached]) c[stream].write(data);
    const last = data.lastIndexOf('\n');
    if (last < 0) {
      this.partial[stream] += data;
      return;
    }
    const head = this.partial[stream];
    this.partial[stream] = data.slice(last + 1);
    let from = 0;
    for (let nl = data.indexOf('\n'); nl >= 0 && nl <= last; nl = data.indexOf('\n', from)) {
      this.push(stream, from === 0 ? head + data.slice(0, nl) : data.slice(from, nl));
      from = nl + 1;
    }
  }

  private push(stream: 'stdout' | 'stderr', text: string): void {
    const line: LogLine = { time: this.clock.now(), stream, text };
    this.bytes += text.length + 1;
    if (this.bytes > CONTAINER_LOG_MAX_BYTES) {
      this.entries = [];
      this.bytes = text.length + 1;
    }
    this.entries.push(line);
    if (this.followers.size > 0) for (const f of [...this.followers]) f(line);
  }
}
