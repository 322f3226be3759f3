/** An API server answer before it is written: status code, body value, content type, warnings. */
import type { Status } from '../types.js';

export interface Reply {
  code: number;
  body: unknown;
  contentType?: string;
  warnings?: string[];
}

export function statusReply(status: Status): Reply {
  return { code: status.code ?? 500, body: status };
}
