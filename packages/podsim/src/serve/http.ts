/** Small HTTP helpers shared by the routes: a JSON reply value, writing it, reading bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goJsonText } from '../api/rest/json.js';
import type { Reply } from '../api/rest/reply.js';

export { statusReply, type Reply } from '../api/rest/reply.js';

export function send(res: ServerResponse, reply: Reply): void {
  const text = typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : goJsonText(reply.body, false);
  const headers: Record<string, string | string[]> = {
    'Content-Type': reply.contentType ?? 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-cache, private',
  };
  // The apiserver's warning header (RFC 7234 code 299), which kubectl prints as `Warning: <text>`.
  if (reply.warnings?.length) headers.Warning = reply.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(reply.code, headers);
  res.end(text);
}

/** The request body, at most `limit` bytes (more is answered by the caller as 413). */
export function readBody(req: IncomingMessage, limit = 3 * 1024 * 1024): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
  });
}
