/**
 * pods/portforward. kubectl 1.32 tunnels SPDY/3.1 over WebSocket (`SPDY/3.1+portforward.k8s.io`) and
 * falls back to a plain SPDY upgrade; neither framing is implemented yet, so the upgrade is refused
 * with a Status after checking the pod and port, and kubectl reports the error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { badRequest } from '../../api/status.js';
import type { PodStreams } from '../../api/types.js';
import type { TimeDriver } from '../pacing.js';
import { refuse } from './exec.js';

export function servePortForward(streams: PodStreams, req: IncomingMessage, socket: Duplex, time: TimeDriver, namespace: string, pod: string, q: URLSearchParams): void {
  const port = Number(q.get('ports') ?? req.headers.port ?? NaN);
  const r = Number.isInteger(port) ? streams.portForward(namespace, pod, port) : undefined;
  time.settle();
  if (r && !r.ok) return refuse(socket, r.status);
  refuse(socket, badRequest('port-forward is not supported by podsim serve yet'));
}
