/**
 * pods/exec, pods/attach, pods/log and pods/portforward as the API server proxies them: look the pod up, refuse
 * when it has no node yet, and hand the stream to the kubelet of its node.
 */
import { badRequest } from '../api/status.js';
import type { ApiClient, KubeObject, Pod, PodStreams, Status } from '../api/types.js';
import type { Kubelet } from '../kubelet/kubelet.js';

type Route = { ok: true; kubelet: Kubelet } | { ok: false; status: Status };

export class PodStreamRouter implements PodStreams {
  constructor(
    private readonly api: ApiClient,
    private readonly kubeletOf: (node: string) => Kubelet | undefined,
  ) {}

  exec(...args: Parameters<PodStreams['exec']>): ReturnType<PodStreams['exec']> {
    const r = this.route(args[0], args[1]);
    return r.ok ? r.kubelet.exec(...args) : r;
  }

  logs(...args: Parameters<PodStreams['logs']>): ReturnType<PodStreams['logs']> {
    const r = this.route(args[0], args[1]);
    return r.ok ? r.kubelet.logs(...args) : r;
  }

  portForward(...args: Parameters<PodStreams['portForward']>): ReturnType<PodStreams['portForward']> {
    const r = this.route(args[0], args[1]);
    return r.ok ? r.kubelet.portForward(...args) : r;
  }

  attach(...args: Parameters<PodStreams['attach']>): ReturnType<PodStreams['attach']> {
    const r = this.route(args[0], args[1]);
    return r.ok ? r.kubelet.attach(...args) : r;
  }

  private route(namespace: string, name: string): Route {
    const res = this.api.get<Pod & KubeObject>('pods', namespace, name);
    if (!res.ok) return res;
    const node = res.value.spec?.nodeName;
    const kubelet = node ? this.kubeletOf(node) : undefined;
    if (!node || !kubelet) return { ok: false, status: badRequest(`pod ${name} does not have a host assigned`) };
    return { ok: true, kubelet };
  }
}
