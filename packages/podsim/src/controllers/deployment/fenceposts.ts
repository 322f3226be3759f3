/**
 * Rolling-update bounds (k8s pkg/controller/deployment/util/deployment_util.go ResolveFenceposts):
 * maxSurge rounds up, maxUnavailable rounds down, and both 0 makes maxUnavailable 1.
 */
export type IntOrString = number | string | undefined;

export type FencepostResult = { ok: true; maxSurge: number; maxUnavailable: number } | { ok: false; message: string };

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number | string {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    if (/^\d+$/.test(v)) return Number(v);
    return `invalid value for IntOrString: invalid type: string is not a percentage`;
  }
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): FencepostResult {
  const surge = scaledValue(maxSurge ?? '25%', desired, true);
  const unavailable = scaledValue(maxUnavailable ?? '25%', desired, false);
  if (typeof surge === 'string') return { ok: false, message: surge };
  if (typeof unavailable === 'string') return { ok: false, message: unavailable };
  if (surge === 0 && unavailable === 0) return { ok: true, maxSurge: 0, maxUnavailable: 1 };
  return { ok: true, maxSurge: surge, maxUnavailable: unavailable };
}
