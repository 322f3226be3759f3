/**
 * The API surface every part of the simulator talks through: the API server implements ApiClient;
 * controllers, kubelets and kubectl only call it. Object shapes are the real Kubernetes types.
 */
import type { ManagedFieldsEntry, ObjectMeta, Status } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, Status } from 'kubernetes-types/meta/v1';
export type {
  Pod,
  PodSpec,
  PodStatus,
  Container,
  ContainerStatus,
  ContainerState,
  PodCondition,
  Probe,
  Node,
  Namespace,
  Event,
  Service,
  Endpoints,
  ConfigMap,
  Secret,
  PersistentVolume,
  PersistentVolumeClaim,
  Volume,
  EnvVar,
  ResourceRequirements,
} from 'kubernetes-types/core/v1';
export type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';

/** Any API object. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export type ApiResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; status: Status };

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Server-side field validation; kubectl 1.32 sends Strict by default. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  fieldManager?: string;
  /** Server-side apply only: take over fields other managers own instead of failing with a conflict. */
  force?: boolean;
  /** The subresource a write came through (`scale`), as managedFields record it. */
  subresource?: string;
  /** The group/version the request addressed: a patch applies to the object as that version shows it. */
  apiVersion?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  dryRun?: boolean;
}

/** `apply` is server-side apply: the patch is the applied configuration (created when absent). */
export type PatchType = 'strategic' | 'merge' | 'json' | 'apply';

export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: T;
}

export interface ObjectList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: T[];
}

/** One API resource as discovery describes it (`kubectl api-resources`). */
export interface ResourceInfo {
  /** Plural resource name, the key everything is addressed by: `pods`, `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  /** Other versions of the group the resource is also served at (autoscaling/v1 beside v2), newest first. */
  otherVersions?: string[];
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
}

/**
 * Resources are addressed by plural name (`pods`), namespace and name, as in the REST API.
 * `namespace` is ignored for cluster-scoped resources; `undefined` in list/watch means all namespaces.
 * Nothing here throws: bad input comes back as a Status with the API server's reason and message.
 * Watch events are delivered asynchronously in virtual time (a zero-delay clock timer), in order.
 */
export interface ApiClient {
  resources(): ResourceInfo[];
  create<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, obj: unknown, opts?: WriteOptions): ApiResult<T>;
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): ApiResult<T>;
  list<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, opts?: ListOptions): ApiResult<ObjectList<T>>;
  update<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, obj: unknown, opts?: WriteOptions): ApiResult<T>;
  /** The status subresource: only `.status` of `obj` is taken. */
  updateStatus<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, obj: unknown): ApiResult<T>;
  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): ApiResult<T>;
  /** Graceful delete returns the object with deletionTimestamp set; an immediate delete returns the last state. */
  delete<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): ApiResult<T>;
  watch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, handler: (ev: WatchEvent<T>) => void, opts?: ListOptions & { resourceVersion?: string }): () => void;
  /** pods/binding: the scheduler's write. */
  bind(namespace: string, pod: string, node: string): ApiResult<KubeObject>;
  /** serviceaccounts/token: a TokenRequest for the ServiceAccount `name`. */
  createToken(namespace: string, name: string, spec: import('./token-request.js').TokenRequestSpec): ApiResult<import('./token-request.js').TokenRequest>;
  /**
   * metadata.managedFields of an object as the REST API would show them; kept beside the stored object
   * so that in-process readers (printers, controllers) never see them.
   */
  managedFields?(obj: KubeObject): ManagedFieldsEntry[] | undefined;
  /** Group versions that available APIServices add to the API (metrics.k8s.io once metrics-server is up). */
  aggregated?(): import('./aggregator.js').AggregatedGroup[];
  /** A GET under an aggregated group version, proxied to its Service; undefined for any other path. */
  proxyGet?(pathAndQuery: string): import('./aggregator.js').ProxiedText | undefined;
  /** pods/NAME/proxy and services/NAME/proxy requests, dialled over the cluster network; undefined for other paths. */
  proxySubresource?(req: import('../kernel/net.js').HttpRequest): import('./proxy-subresource.js').ProxyOutcome | undefined;
  /** The feature gates the cluster's components were started with. */
  readonly gates?: import('./feature-gates.js').FeatureGates;
}

/**
 * Streaming subresources (pods/exec, pods/log, pods/portforward, pods/attach), served by the
 * kubelet of the pod's node. Errors come back as Status objects worded as the API server/kubelet do.
 */
export interface PodStreams {
  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdio: { stdin: import('../kernel/streams.js').InputStream; stdout: import('../kernel/streams.js').OutputStream; stderr: import('../kernel/streams.js').OutputStream; tty: boolean },
  ): { ok: true; proc: import('../kernel/process.js').Proc } | { ok: false; status: Status };
  logs(
    namespace: string,
    pod: string,
    container: string | undefined,
    opts: { previous?: boolean },
  ): { ok: true; log: import('../runtime/types.js').ContainerLog; running: boolean } | { ok: false; status: Status };
  /** Connects to a port of the pod's network namespace (what port-forward tunnels to). */
  portForward(namespace: string, pod: string, port: number): { ok: true; listener: import('../kernel/net.js').Listener } | { ok: false; status: Status };
  /**
   * pods/attach (`kubectl run -it`, `kubectl attach`): connects to the running main process of a
   * container started with `stdin: true`.
   */
  attach(
    namespace: string,
    pod: string,
    container: string | undefined,
    stdio: { stdin: import('../kernel/streams.js').InputStream; stdout: import('../kernel/streams.js').OutputStream; stderr: import('../kernel/streams.js').OutputStream; tty: boolean },
  ): {
    ok: true;
    proc: import('../kernel/process.js').Proc;
    /** Stops copying output to this client (kubectl left); the container runs on. */
    detach?: () => void;
    /** The process's input: busy until it reads again (the client's terminal is idle only then). */
    session?: import('../kernel/tty.js').RemoteSession;
  } | { ok: false; status: Status };
}
