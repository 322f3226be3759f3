/**
 * The kubelet's streaming endpoints: exec into a running container, read a container's logs
 * (current or previous instance), and connect to a port in the pod's network namespace.
 * Models pkg/kubelet/kubelet_pods.go (GetExec/findContainer, validateContainerLogStatus) and the
 * containerd port-forward error text.
 */
import { badRequest, internalError, notFound } from '../api/status.js';
import type { ContainerStatus, PodStreams, Status } from '../api/types.js';
import { ttyOf } from '../kernel/tty.js';
import type { PodWorker } from './pod-worker.js';

type Find = (namespace: string, name: string) => PodWorker | undefined;
type Fail = { ok: false; status: Status };

function failure(code: number, reason: string, message: string): Fail {
  return { ok: false, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message } };
}

/** The container a request means, or the API server's refusal. */
function pick(w: PodWorker, container: string | undefined): { ok: true; name: string } | Fail {
  const spec = w.pod.spec;
  const regular = (spec?.containers ?? []).map((c) => c.name);
  const init = (spec?.initContainers ?? []).map((c) => c.name);
  const podName = w.pod.metadata?.name ?? '';
  if (!container) {
    if (regular.length === 1 && init.length === 0) return { ok: true, name: regular[0] };
    const initPart = init.length ? ` or one of the init containers: [${init.join(' ')}]` : '';
    return { ok: false, status: badRequest(`a container name must be specified for pod ${podName}, choose one of: [${regular.join(' ')}]${initPart}`) };
  }
  const ephemeral = (spec?.ephemeralContainers ?? []).map((c) => c.name);
  if (!regular.includes(container) && !init.includes(container) && !ephemeral.includes(container)) return { ok: false, status: badRequest(`container ${container} is not valid for pod ${podName}`) };
  return { ok: true, name: container };
}

function statusOf(w: PodWorker, name: string): ContainerStatus | undefined {
  const st = w.pod.status;
  return [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? []), ...(st?.ephemeralContainerStatuses ?? [])].find((s) => s.name === name);
}

const idOf = (containerID: string | undefined) => (containerID ?? '').replace(/^containerd:\/\//, '');

export class KubeletStreams implements PodStreams {
  constructor(private readonly find: Find) {}

  private worker(namespace: string, name: string): { ok: true; w: PodWorker } | Fail {
    const w = this.find(namespace, name);
    return w ? { ok: true, w } : { ok: false, status: notFound('pods', name) };
  }

  exec(namespace: string, pod: string, container: string | undefined, argv: string[], stdio: Parameters<PodStreams['exec']>[4]): ReturnType<PodStreams['exec']> {
    const found = this.worker(namespace, pod);
    if (!found.ok) return found;
    const c = pick(found.w, container);
    if (!c.ok) return c;
    const rt = found.w.runningContainer(c.name);
    if (!rt || !rt.running) return failure(500, 'InternalError', `container not found (${JSON.stringify(c.name)})`);
    const r = rt.exec(argv, stdio);
    if (!r.ok) return { ok: false, status: internalError(`error executing command in container: ${r.message}`) };
    return r;
  }

  /** Connects to the main process of a running container (kubectl attach / run -it). */
  attach(namespace: string, pod: string, container: string | undefined, stdio: Parameters<PodStreams['exec']>[4]): ReturnType<PodStreams['attach']> {
    const found = this.worker(namespace, pod);
    if (!found.ok) return found;
    const c = pick(found.w, container);
    if (!c.ok) return c;
    const rt = found.w.runningContainer(c.name);
    // Under a shared PID namespace (or an ephemeral container's target's) the first process may be another container's.
    const main = rt?.processes()[0];
    if (!rt || !rt.running || !rt.attach || !main) return failure(500, 'InternalError', `container not found (${JSON.stringify(c.name)})`);
    const spec = [...(found.w.pod.spec?.containers ?? []), ...(found.w.pod.spec?.initContainers ?? []), ...(found.w.pod.spec?.ephemeralContainers ?? [])].find((x) => x.name === c.name);
    // kubectl sends its terminal's size on the resize stream as it connects with a TTY.
    const term = stdio.tty ? ttyOf(stdio.stdout) : undefined;
    const size = term ? { cols: term.cols, rows: term.rows } : undefined;
    const { detach, session } = rt.attach({ stdin: stdio.stdin, stdout: stdio.stdout, stderr: stdio.stderr, stdinOnce: !!spec?.stdinOnce, size });
    main.exited.subscribe(() => detach());
    return { ok: true, proc: main, detach, session };
  }

  logs(namespace: string, pod: string, container: string | undefined, opts: { previous?: boolean }): ReturnType<PodStreams['logs']> {
    const found = this.worker(namespace, pod);
    if (!found.ok) return found;
    const { w } = found;
    const c = pick(w, container);
    if (!c.ok) return c;
    const name = c.name;
    const podName = w.pod.metadata?.name ?? '';
    const s = statusOf(w, name);
    const where = `container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)}`;
    let id: string | undefined;
    const last = s?.lastState?.terminated;
    const state = s?.state;
    if (opts.previous) {
      if (!last?.containerID) return { ok: false, status: badRequest(`previous terminated container ${JSON.stringify(name)} in pod ${JSON.stringify(podName)} not found`) };
      id = idOf(last.containerID);
    } else if (state?.running) id = idOf(s?.containerID);
    else if (state?.terminated) {
      id = idOf(state.terminated.containerID) || idOf(last?.containerID);
      if (!id) return { ok: false, status: badRequest(`${where} is terminated`) };
    } else if (last) {
      if (!last.containerID) return { ok: false, status: badRequest(`${where} is terminated`) };
      id = idOf(last.containerID);
    } else if (state?.waiting) {
      const reason = state.waiting.reason;
      const why = reason === 'ErrImagePull' ? 'image can\'t be pulled' : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
      return { ok: false, status: badRequest(`${where} is waiting to start: ${why}`) };
    } else return { ok: false, status: badRequest(`${where} is waiting to start - no logs yet`) };
    const rt = w.instance(id);
    if (!rt) return { ok: false, status: badRequest(`${where} is terminated`) };
    return { ok: true, log: rt.log, running: rt.running };
  }

  portForward(namespace: string, pod: string, port: number): ReturnType<PodStreams['portForward']> {
    const found = this.worker(namespace, pod);
    if (!found.ok) return found;
    const sb = found.w.sandbox;
    const listener = sb?.net.listener(port);
    if (listener) return { ok: true, listener };
    const id = sb?.id ?? '';
    return failure(
      500,
      'InternalError',
      `error forwarding port ${port} to pod ${id}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${found.w.uid}": failed to connect to localhost:${port} inside namespace "${id}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `,
    );
  }
}
