/**
 * How the lists of the served types merge, per Go struct and field: the `patchMergeKey` /
 * `patchStrategy` struct tags strategic merge patch reads, and the `listType=map` / `listMapKeys`
 * markers server-side apply reads, and the types and fields it treats as atomic (k8s.io/api types.go).
 * One table for the strategic patcher, server-side apply and both OpenAPI documents.
 */
export interface ListMeta {
  /** patchMergeKey; absent for a merged list of primitives (a set). */
  mergeKey?: string;
  /** patchStrategy: `merge`, or `merge,retainKeys`. */
  strategy: string;
  /** listType: `map` with these keys, `set`, or `atomic` (the default for lists not listed). */
  listType: 'map' | 'set';
  mapKeys?: string[];
}

const byKey = (key: string, mapKeys = [key], strategy = 'merge'): ListMeta => ({ mergeKey: key, strategy, listType: 'map', mapKeys });
const SET: ListMeta = { strategy: 'merge', listType: 'set' };

export const STRUCT_LISTS: Record<string, Record<string, ListMeta>> = {
  ObjectMeta: { ownerReferences: byKey('uid'), finalizers: SET },
  PodSpec: {
    volumes: byKey('name', ['name'], 'merge,retainKeys'),
    initContainers: byKey('name'),
    containers: byKey('name'),
    ephemeralContainers: byKey('name'),
    imagePullSecrets: byKey('name'),
    hostAliases: byKey('ip'),
    topologySpreadConstraints: byKey('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
    schedulingGates: byKey('name'),
    resourceClaims: byKey('name', ['name'], 'merge,retainKeys'),
  },
  Container: {
    ports: byKey('containerPort', ['containerPort', 'protocol']),
    env: byKey('name'),
    volumeMounts: byKey('mountPath'),
    volumeDevices: byKey('devicePath'),
  },
  ServiceSpec: { ports: byKey('port', ['port', 'protocol']) },
  ServiceAccount: { secrets: byKey('name') },
  PodStatus: { conditions: byKey('type') },
};

/** Struct fields whose patchStrategy is retainKeys without being lists (union types). */
export const RETAIN_KEYS_FIELDS: Record<string, string[]> = {
  DeploymentSpec: ['strategy'],
};

/** Structs replaced as a whole (`+structType=atomic`). */
export const ATOMIC_STRUCTS = new Set(['LabelSelector']);

/** Maps replaced as a whole by server-side apply (`+mapType=atomic`). */
export const ATOMIC_MAPS: Record<string, string[]> = {
  ServiceSpec: ['selector'],
  PodSpec: ['nodeSelector'],
};
