/**
 * kubectl's channel protocols over WebSocket (`v5.channel.k8s.io`, `v4.channel.k8s.io`): every binary
 * message starts with a stream id byte. 0 stdin, 1 stdout, 2 stderr, 3 error (a Status, then close),
 * 4 resize (`{"Width":…,"Height":…}`); v5 adds 255, the client's "close stream N".
 */
import type { Status } from '../../api/types.js';
import type { WebSocket } from './websocket.js';

export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

const SUCCESS: Status = { metadata: {}, status: 'Success' };

/** The final Status of an exec (client-go remotecommand errorDecoderV4 turns it into the exit code). */
export function exitStatus(code: number, argv: string[]): Status {
  if (code === 0) return SUCCESS;
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** The kubelet ends every attach that stopped without an error with Success: the exit code is not the stream's to tell. */
export function attachStatus(): Status {
  return SUCCESS;
}

const READY_TOKEN = Buffer.from('podsim-channels-ready');

/**
 * The server's sending side of one channel session. client-go creates its channel streams after the
 * handshake and drops messages for streams it does not have yet ("Unknown stream id"); its read loop
 * (which answers pings) starts once the streams exist (kubernetes#131203; before that it raced only a
 * few map inserts). So messages wait for the pong of a ping sent right after the 101, then go out in
 * the order they were written; the final Status always comes after all output.
 */
export class ChannelWriter {
  private pending: Buffer[] | undefined = [];
  private closeAfterFlush = false;

  constructor(private readonly ws: WebSocket) {
    ws.onPong((data) => {
      if (this.pending && data.equals(READY_TOKEN)) this.flush();
    });
    ws.ping(READY_TOKEN);
  }

  /** Whether the client has shown it can take messages. */
  get ready(): boolean {
    return this.pending === undefined;
  }

  send(channel: number, data: string | Buffer): void {
    const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const msg = Buffer.concat([Buffer.from([channel]), body]);
    if (this.pending) this.pending.push(msg);
    else this.ws.send(msg);
  }

  /** Sends the final Status on the error channel and closes, after everything written before. */
  finish(status: Status): void {
    this.send(Channel.error, JSON.stringify(status));
    if (this.pending) this.closeAfterFlush = true;
    else this.ws.close();
  }

  private flush(): void {
    const queued = this.pending ?? [];
    this.pending = undefined;
    for (const m of queued) this.ws.send(m);
    if (this.closeAfterFlush) this.ws.close();
  }
}
