/**
 * tcpSocket probes: success when something listens on the port.
 * Models pkg/probe/tcp/tcp.go (the output is Go's dial error text).
 */
import type { ConnectError, Network } from '../../kernel/net.js';
import { settled, type ProbeOutcome } from './types.js';
import type { Waitable } from '../../kernel/waitable.js';

/** Go net.Dial wording for a failed connect. */
export function dialError(host: string, port: number, err: ConnectError): string {
  const addr = `${host}:${port}`;
  if (err === 'ECONNREFUSED') return `dial tcp ${addr}: connect: connection refused`;
  if (err === 'ETIMEDOUT') return `dial tcp ${addr}: i/o timeout`;
  return `dial tcp ${addr}: connect: no route to host`;
}

/** Every successful connect answers the same: one shared outcome, nothing allocated per probe. */
const CONNECTED = settled<ProbeOutcome>({ result: 'Success', output: '' });

export function tcpProbe(network: Pick<Network, 'connect'>, host: string, port: number): Waitable<ProbeOutcome> {
  const r = network.connect(host, port);
  if (typeof r === 'string') return settled({ result: 'Failure', output: dialError(host, port, r) });
  return CONNECTED;
}
