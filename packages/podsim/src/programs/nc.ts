/**
 * busybox nc: `-z` port checks, `-v`, `-w SEC`, and sending stdin to a server (an HTTP request
 * typed by hand gets the raw HTTP response back).
 */
import type { Program } from '../kernel/process.js';
import { CONNECT_ERROR_TEXT, HTTP_REASONS, connect, exchange, resolveHost } from './net-client.js';
import { badOption, fail, getopt, missingOperand, readAll } from './util.js';
import { utf8Length } from '../kernel/utf8.js';

export const nc: Program = function* (proc) {
  const o = getopt(proc.argv.slice(1), 'zvnw:W:lp:u');
  if (o.error) return badOption(proc, o.error);
  const [host, portText] = o.operands;
  if (host === undefined || portText === undefined || !/^\d+$/.test(portText)) return missingOperand(proc);
  const ip = resolveHost(proc, host);
  if (!ip) return fail(proc, `bad address '${host}'`);
  const port = Number(portText);
  const target = connect(proc, ip, port);
  if (typeof target === 'string') {
    if (o.flags.has('z') && !o.flags.has('v')) return 1;
    return fail(proc, `can't connect to remote host (${ip}): ${CONNECT_ERROR_TEXT[target]}`);
  }
  if (o.flags.has('v')) proc.stderr.write(`${host} (${ip}:${port}) open\n`);
  if (o.flags.has('z')) return 0;
  const request = yield* readAll(proc);
  const m = /^([A-Z]+) (\S+)/.exec(request);
  if (!m || !target.http) return 0;
  const host_ = /\r?\nHost:\s*(\S+)/i.exec(request)?.[1] ?? host;
  const res = yield* exchange(proc, target, { method: m[1], path: m[2], host: host_, userAgent: '', to: ip });
  if (!res) return 0;
  const headers = { 'Content-Length': String(utf8Length(res.body)), ...(res.headers ?? {}) };
  proc.stdout.write(`HTTP/1.1 ${res.status} ${HTTP_REASONS[res.status] ?? ''}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${m[1] === 'HEAD' ? '' : res.body}`);
  return 0;
};
