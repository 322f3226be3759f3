/**
 * Pod networking: one NetNamespace per pod (its containers share localhost and one port table),
 * joined by a cluster Network that routes pod IPs. Servers answer HTTP-level requests, which is
 * all that probes, wget/curl and port-forward need.
 */
import { ClusterDns } from './dns.js';
import type { Waitable } from './waitable.js';

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Address the client connects from (pod IP, or 127.0.0.1 inside the pod). */
  remoteAddr: string;
  /** Common name of the TLS client certificate the caller presented (the API server's to a kubelet). */
  clientCert?: string;
}

export interface HttpResponse {
  status: number;
  /** Servers may share one headers object between answers: readers copy, never change it. */
  headers?: Readonly<Record<string, string>>;
  body: string;
  /** The server (or a tunnel in between) closed the connection without answering: curl's "Empty reply from server". */
  closed?: boolean;
}

/**
 * A connection to a server that speaks its own protocol (a database, redis): the client sends
 * requests and gets replies. What a request and a reply are is the protocol's business.
 */
export interface Session {
  protocol: string;
  request(message: unknown): unknown;
}

/**
 * The certificate an HTTPS server presents: who signed it (the PEM of a private CA, `public` for a CA
 * every system trusts, `self` for a self-signed one) and the DNS names and addresses it is valid for.
 */
export interface ServerCertificate {
  issuer: string;
  names: readonly string[];
}

/** A listening socket. `http` is absent for plain TCP servers (redis, a DB): connect works, HTTP fails. */
export interface Listener {
  port: number;
  /** Program that owns the socket (for `netstat`-like output and error texts). */
  owner: string;
  /** Present when the server speaks HTTPS. */
  tls?: ServerCertificate;
  http?(req: HttpRequest): HttpResponse | Waitable<HttpResponse>;
  /** Opens a session with a server that speaks its own protocol; undefined when the connection is dropped. */
  open?(remoteAddr: string): Session | undefined;
  /**
   * A packet-filter rule in this socket's place (kube-proxy's NodePort and load-balancer rules): where a
   * connection to it really goes, decided per connection.
   */
  forward?(): Listener | ConnectError;
}

/** The socket a connection reaches: the listener, or where its forwarding rule sends it. */
function reached(l: Listener | undefined): Listener | ConnectError {
  if (!l) return 'ECONNREFUSED';
  return l.forward ? l.forward() : l;
}

export type ConnectError = 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ETIMEDOUT';

export class NetNamespace {
  private readonly listeners = new Map<number, Listener>();
  private closedFns = new Set<() => void>();

  /**
   * `reaches` limits the addresses this namespace can route to: a machine outside the cluster sits on
   * the nodes' network, not the pod or Service networks.
   */
  constructor(
    readonly ip: string,
    readonly network: Network | undefined,
    private readonly reaches?: (ip: string) => boolean,
  ) {}

  /** Binds a port; 'EADDRINUSE' when another container of the pod already listens on it. */
  listen(listener: Listener): 'ok' | 'EADDRINUSE' {
    if (this.listeners.has(listener.port)) return 'EADDRINUSE';
    this.listeners.set(listener.port, listener);
    return 'ok';
  }

  close(port: number, listener?: Listener): void {
    if (listener && this.listeners.get(port) !== listener) return;
    this.listeners.delete(port);
  }

  /** Closes every socket owned by `owner` (a process that died). */
  closeOwnedBy(owner: string): void {
    for (const [port, l] of this.listeners) if (l.owner === owner) this.listeners.delete(port);
  }

  listener(port: number): Listener | undefined {
    return this.listeners.get(port);
  }

  ports(): number[] {
    return [...this.listeners.keys()].sort((a, b) => a - b);
  }

  /** Connects from inside this namespace to `host:port` (localhost, own IP, or another pod via the network). */
  connect(host: string, port: number): Listener | ConnectError {
    if (host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === this.ip) return reached(this.listeners.get(port));
    if (!this.network) return 'EHOSTUNREACH';
    if (this.reaches && !this.reaches(this.network.lookup(host) ?? host)) return 'EHOSTUNREACH';
    return this.network.connect(host, port);
  }

  onDestroy(fn: () => void): void {
    this.closedFns.add(fn);
  }

  destroy(): void {
    this.listeners.clear();
    this.network?.detach(this);
    for (const f of this.closedFns) f();
  }
}

/** Virtual service IPs resolve to one ready endpoint (chosen round-robin). */
export interface ServiceRoute {
  pick(port: number): { ip: string; port: number } | undefined;
}

export class Network {
  private readonly byIp = new Map<string, NetNamespace>();
  private readonly services = new Map<string, ServiceRoute>();
  readonly dns = new ClusterDns();

  attach(ns: NetNamespace): void {
    this.byIp.set(ns.ip, ns);
  }

  detach(ns: NetNamespace): void {
    if (this.byIp.get(ns.ip) === ns) this.byIp.delete(ns.ip);
  }

  namespaceOf(ip: string): NetNamespace | undefined {
    return this.byIp.get(ip);
  }

  setService(ip: string, route: ServiceRoute | undefined): void {
    if (route) this.services.set(ip, route);
    else this.services.delete(ip);
  }

  /** An address as is, else the first A record of a fully qualified name. */
  lookup(name: string): string | undefined {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    return this.dns.lookup(name)[0];
  }

  connect(host: string, port: number): Listener | ConnectError {
    // Probes dial pod IPs thousands of times per virtual hour: skip the name lookup for them.
    const direct = this.services.has(host) ? undefined : this.byIp.get(host);
    if (direct) return reached(direct.listener(port));
    const ip = this.lookup(host);
    if (!ip) return 'EHOSTUNREACH';
    const svc = this.services.get(ip);
    if (svc) {
      const ep = svc.pick(port);
      if (!ep) return 'ECONNREFUSED';
      return this.byIp.get(ep.ip)?.listener(ep.port) ?? 'ECONNREFUSED';
    }
    const ns = this.byIp.get(ip);
    if (!ns) return 'EHOSTUNREACH';
    return reached(ns.listener(port));
  }
}
