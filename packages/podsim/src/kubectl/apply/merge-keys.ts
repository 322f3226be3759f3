/**
 * Which lists merge element-by-element in a strategic merge patch, and by which key (the
 * `patchMergeKey` tags of the core/apps Go types). Lists not named here are replaced whole.
 */
const BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  readinessGates: 'conditionType',
  resourceClaims: 'name',
};

/** Merge key of the list at `field`, looking at the elements for the two kinds of `ports`. */
export function mergeKeyFor(field: string, elements: readonly unknown[]): string | undefined {
  if (field === 'ports') {
    const first = elements.find((e) => typeof e === 'object' && e !== null) as Record<string, unknown> | undefined;
    if (!first) return undefined;
    return 'containerPort' in first ? 'containerPort' : 'port';
  }
  return BY_FIELD[field];
}
