/**
 * The cluster's feature gates: what `--feature-gates=Name=true,...` sets on every component of a
 * cluster (kind's `featureGates:`, kubeadm's extraArgs and KubeletConfiguration.featureGates), the API
 * server and the kubelets alike. Only the gates the host sets differ from the release's defaults.
 */

/**
 * 1.32 defaults (pkg/features/kube_features.go at v1.32) of the gates the simulator consults: each one
 * guards pod fields the API server drops while it is off and behaviour the kubelet only has when on.
 */
const DEFAULTS = {
  PodLevelResources: false,
  InPlacePodVerticalScaling: false,
  ImageVolume: false,
  UserNamespacesSupport: false,
  SupplementalGroupsPolicy: false,
  SELinuxChangePolicy: false,
  DynamicResourceAllocation: false,
  ProcMountType: false,
} as const;

export type GateName = keyof typeof DEFAULTS;

export class FeatureGates {
  private readonly set: ReadonlyMap<string, boolean>;

  /** `known`: every gate name of the release (a component refuses to start with another one). */
  constructor(set: Readonly<Record<string, boolean>> = {}, known?: (name: string) => boolean) {
    for (const name of Object.keys(set)) if (!(name in DEFAULTS) && !known?.(name)) throw new Error(`unrecognized feature gate: ${name}`);
    this.set = new Map(Object.entries(set));
  }

  enabled(name: GateName): boolean {
    return this.set.get(name) ?? DEFAULTS[name];
  }

  /** What the host set for `name`, any gate of the release (the components' `kubernetes_feature_enabled`). */
  override(name: string): boolean | undefined {
    return this.set.get(name);
  }
}

/** A default 1.32 cluster's gates. */
export const DEFAULT_GATES = new FeatureGates();
