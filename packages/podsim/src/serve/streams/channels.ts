/**
 * kubectl's channel protocols over WebSocket (`v5.channel.k8s.io`, `v4.channel.k8s.io`): every binary
 * message starts with a stream id byte. 0 stdin, 1 stdout, 2 stderr, 3 error (a Status, then close),
 * 4 resize (`{"Width":…,"Height":…}`); v5 adds 255, the client's "close stream N".
 */
import type { Status } from '../../api/types.js';
import type { WebSocket } from './websocket.js';

export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

export function sendChannel(ws: WebSocket, channel: number, data: string | Buffer): void {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  ws.send(Buffer.concat([Buffer.from([channel]), body]));
}

/** The final Status of a remote command (client-go remotecommand errorDecoderV4). */
export function exitStatus(code: number, argv: string[]): Status {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** Sends the final Status on the error channel and closes the socket. */
export function finish(ws: WebSocket, status: Status): void {
  sendChannel(ws, Channel.error, JSON.stringify(status));
  ws.close();
}
