/**
 * GET pods/NAME/log: the container log as text/plain (kubelet CRI lines), with container, previous,
 * tailLines, sinceSeconds, timestamps and follow (chunked, open until the container instance stops,
 * the pod goes away or the client disconnects).
 */
import type { ServerResponse } from 'node:http';
import { rfc3339Nano } from '../../api/objects.js';
import type { ApiServer } from '../../api/server.js';
import type { KubeObject, Pod, PodStreams } from '../../api/types.js';
import type { LogLine } from '../../runtime/types.js';
import { send, statusReply } from '../http.js';

function lineText(l: LogLine, timestamps: boolean): string {
  const text = l.text.endsWith('\n') ? l.text : `${l.text}\n`;
  return timestamps ? `${rfc3339Nano(l.time)} ${text}` : text;
}

function running(pod: Pod | undefined, container: string | undefined, restarts: number): boolean {
  const st = pod?.status?.containerStatuses?.find((c) => container === undefined || c.name === container);
  return !!st?.state?.running && (st.restartCount ?? 0) === restarts;
}

export function serveLogs(api: ApiServer, streams: PodStreams, res: ServerResponse, namespace: string, pod: string, q: URLSearchParams): void {
  const container = q.get('container') || undefined;
  const previous = q.get('previous') === 'true';
  const r = streams.logs(namespace, pod, container, { previous });
  if (!r.ok) return send(res, statusReply(r.status));
  const timestamps = q.get('timestamps') === 'true';
  const since = Number(q.get('sinceSeconds') ?? 0);
  const now = api.clock.now();
  let lines = r.log.lines().filter((l) => !(since > 0) || l.time >= now - since * 1000);
  const tail = q.get('tailLines');
  if (tail !== null && /^\d+$/.test(tail)) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  const text = lines.map((l) => lineText(l, timestamps)).join('');
  const follow = q.get('follow') === 'true' && r.running && !previous;
  if (!follow) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(text);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  if (text) res.write(text);
  else res.flushHeaders();
  const current = api.get<Pod & KubeObject>('pods', namespace, pod);
  const cs = current.ok ? current.value.status?.containerStatuses?.find((c) => container === undefined || c.name === container) : undefined;
  const restarts = cs?.restartCount ?? 0;
  const stopLog = r.log.follow((l) => res.write(lineText(l, timestamps)));
  const stopWatch = api.watch('pods', namespace, (ev) => {
    if (ev.object.metadata.name !== pod) return;
    if (ev.type === 'DELETED' || !running(ev.object as unknown as Pod, container, restarts)) res.end();
  });
  res.on('close', () => {
    stopLog();
    stopWatch();
  });
}
