/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE…`: listens on the reader's loopback and tunnels each
 * connection to the pod through the kubelet until Ctrl+C. Service ports are translated to the pods'
 * target ports. Models kubectl pkg/cmd/portforward/portforward.go and client-go tools/portforward.
 */
import type { Pod, Service } from '../../../api/types.js';
import type { HttpRequest, HttpResponse, Listener } from '../../../kernel/net.js';
import { SIGNALS } from '../../../kernel/signals.js';
import { forever, wait } from '../../../kernel/waitable.js';
import type { Command, Invocation } from '../../command.js';
import { plainError, usageError } from '../../errors.js';
import type { FlagSpec } from '../../flags.js';
import { podOrError } from '../../pods.js';
import { klogError } from '../../klog.js';
import { findResource } from '../../../api/resources.js';

const FLAGS: FlagSpec[] = [
  { name: 'address', type: 'stringSlice', default: ['localhost'], help: 'Addresses to listen on (localhost only in the sandbox).' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'How long to wait for a pod to be running.' },
];

interface Mapping {
  local: number;
  remote: number;
}

function parsePort(s: string, which: 'local' | 'remote'): number | string {
  if (!/^\d+$/.test(s)) return `Error parsing ${which} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `Error parsing ${which} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/** `8080:80`, `:80` (local port chosen for you), `80`; service ports become the pods' target ports. */
function parseMappings(inv: Invocation, specs: string[], svc: Service | undefined, pod: Pod): { ok: true; maps: Mapping[] } | { ok: false; error: string } {
  const maps: Mapping[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    const localText = parts.length > 1 ? parts[0] : parts[0];
    const remoteText = parts.length > 1 ? parts[1] : parts[0];
    let remote = parsePort(remoteText, 'remote');
    if (typeof remote === 'string') return { ok: false, error: remote };
    if (svc) {
      const sp = svc.spec?.ports?.find((p) => p.port === remote);
      if (!sp) return { ok: false, error: `Service ${svc.metadata?.name} does not have a service port ${remote}` };
      const target = sp.targetPort ?? sp.port;
      if (typeof target === 'number') remote = target;
      else {
        const named = pod.spec?.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
        if (!named) return { ok: false, error: `Pod '${pod.metadata?.name}' does not have a named port '${target}'` };
        remote = named.containerPort;
      }
    }
    let local: number;
    if (localText === '') local = 30000 + inv.host.random.int(30000);
    else {
      const l = parsePort(localText, 'local');
      if (typeof l === 'string') return { ok: false, error: l };
      local = l;
    }
    maps.push({ local, remote });
  }
  return { ok: true, maps };
}

function* runPortForward(inv: Invocation) {
  const args = inv.args;
  if (args.length < 2) {
    inv.err(usageError(inv.commandPath, 'TYPE/NAME and list of ports are required for port-forward'));
    return 1;
  }
  const pod = podOrError(inv, args[0]);
  if (!pod) return 1;
  const slash = args[0].indexOf('/');
  const isService = slash > 0 && findResource(args[0].slice(0, slash))?.resource === 'services';
  const svcGot = isService ? inv.api.get('services', inv.namespace, args[0].slice(slash + 1)) : undefined;
  const svc = svcGot?.ok ? (svcGot.value as unknown as Service) : undefined;
  const parsed = parseMappings(inv, args.slice(1), svc, pod);
  if (!parsed.ok) {
    inv.err(plainError(parsed.error));
    return 1;
  }
  if (pod.status?.phase !== 'Running') {
    inv.err(plainError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`));
    return 1;
  }
  const podName = pod.metadata?.name ?? '';
  const ns = pod.metadata?.namespace ?? inv.namespace;
  const opened: Listener[] = [];
  const closeAll = () => {
    for (const l of opened) inv.host.net.close(l.port, l);
  };
  for (const m of parsed.maps) {
    /** One forwarded connection: the pod's listener, or undefined when the tunnel broke (kubectl exits). */
    const tunnel = (): Listener | undefined => {
      inv.out(`Handling connection for ${m.local}\n`);
      const r = inv.streams.portForward(ns, podName, m.remote);
      if (r.ok) return r.listener;
      // client-go closes the whole tunnel when a stream reports an error, so kubectl gives up.
      const why = `an error occurred forwarding ${m.local} -> ${m.remote}: ${r.status.message ?? ''}`;
      inv.err(klogError(inv.now(), inv.proc.pid, 'portforward.go:424', `"Unhandled Error" err=${JSON.stringify(why)}`));
      inv.err(plainError('lost connection to pod'));
      closeAll();
      inv.proc.exit(1);
      return undefined;
    };
    const listener: Listener = {
      port: m.local,
      owner: `kubectl[${inv.proc.pid}]`,
      http: (req: HttpRequest): HttpResponse | ReturnType<NonNullable<Listener['http']>> => {
        const target = tunnel();
        // A plain TCP server (redis) drops a connection that speaks HTTP to it.
        if (!target?.http) return { status: 0, body: '', closed: true };
        return target.http({ ...req, remoteAddr: '127.0.0.1' });
      },
      open: () => tunnel()?.open?.('127.0.0.1'),
    };
    if (inv.host.net.listen(listener) === 'EADDRINUSE') {
      closeAll();
      inv.err(
        `Unable to listen on port ${m.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${m.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${m.local}: bind: address already in use]\n` +
          plainError(`unable to listen on any of the requested ports: [{${m.local} ${m.remote}}]`),
      );
      return 1;
    }
    opened.push(listener);
    inv.out(`Forwarding from 127.0.0.1:${m.local} -> ${m.remote}\nForwarding from [::1]:${m.local} -> ${m.remote}\n`);
  }
  inv.proc.trap(SIGNALS.SIGINT, () => {
    closeAll();
    inv.proc.exit(0);
  });
  try {
    yield* wait(forever);
  } finally {
    closeAll();
  }
  return 0;
}

export const portForward: Command = {
  name: 'port-forward',
  completes: 'pods',
  short: 'Forward one or more local ports to a pod',
  usage: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  examples: '# Reach port 80 of pod nginx on localhost:8080\nkubectl port-forward pod/nginx 8080:80\n\n# Through a service\nkubectl port-forward svc/web 8080:80',
  flags: FLAGS,
  run: runPortForward,
};
