/** Byte-stream ends a process reads from and writes to (strings of UTF-16 text in practice). */
import { Deferred, type Cancel, type Waitable } from './waitable.js';

export interface OutputStream {
  write(data: string): void;
  /** True when this is a terminal (programs change behaviour, e.g. `ls` columns, `ps` width). */
  readonly isTTY?: boolean;
}

export interface InputStream {
  /** Next chunk, or null at end of input. */
  read(): Waitable<string | null>;
  readonly isTTY?: boolean;
}

export const nullOutput: OutputStream = { write() {} };
export const emptyInput: InputStream = { read: () => ({ subscribe: (r) => (r(null), () => {}) }) };

/** An in-memory pipe: writes queue up until read; close() gives readers end-of-file. */
export class Pipe implements InputStream, OutputStream {
  private chunks: string[] = [];
  private closed = false;
  private waiter: Deferred<string | null> | null = null;

  write(data: string): void {
    if (this.closed || data === '') return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(data);
    } else this.chunks.push(data);
  }

  close(): void {
    this.closed = true;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(null);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** A reader is blocked on this pipe with nothing buffered for it. */
  get awaitingRead(): boolean {
    return this.waiter !== null && this.chunks.length === 0;
  }

  read(): Waitable<string | null> {
    return {
      subscribe: (resume): Cancel => {
        if (this.chunks.length > 0) {
          resume(this.chunks.splice(0).join(''));
          return () => {};
        }
        if (this.closed) {
          resume(null);
          return () => {};
        }
        const d = new Deferred<string | null>();
        this.waiter = d;
        const off = d.subscribe(resume);
        return () => {
          off();
          if (this.waiter === d) this.waiter = null;
        };
      },
    };
  }
}

/** Collects everything written: test helper and capture for `$(…)`. */
export class StringSink implements OutputStream {
  text = '';
  write(data: string): void {
    this.text += data;
  }
}
