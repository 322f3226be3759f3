/**
 * A namespace's Pod Security policy from its labels and the evaluation of a pod against one level and version
 * (k8s.io/pod-security-admission `api/helpers.go` PolicyToEvaluate, `policy/registry.go`, `policy/checks.go`,
 * release-1.32). The cluster's default policy is kubeadm's: privileged:latest for enforce, audit and warn.
 */
import type { Any } from '../objects.js';
import { fieldError, type FieldError } from '../validation/field.js';
import { CHECKS, MAX_MINOR, type CheckResult, type Level } from './checks.js';

/** minor: the policy version v1.<minor>; undefined for latest. */
export interface LevelVersion {
  level: Level;
  minor?: number;
}

export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];

export const levelVersionText = (lv: LevelVersion) => `${lv.level}:${lv.minor === undefined ? 'latest' : `v1.${lv.minor}`}`;
export const sameLevelVersion = (a: LevelVersion, b: LevelVersion) => a.level === b.level && a.minor === b.minor;
export const compareLevels = (a: Level, b: Level) => LEVELS.indexOf(a) - LEVELS.indexOf(b);

/** The policy the labels give, and the field errors of the labels that do not parse (those modes keep a fallback). */
export function policyOf(labels: Record<string, string> | undefined): { policy: Policy; errors: FieldError[] } {
  const policy: Policy = { enforce: { level: 'privileged' }, audit: { level: 'privileged' }, warn: { level: 'privileged' } };
  const errors: FieldError[] = [];
  if (!labels) return { policy, errors };
  const invalid = (label: string, value: string, detail: string) => errors.push(fieldError.invalid(`metadata.labels[${LABEL_PREFIX}${label}]`, value, detail));
  // An unparseable level is restricted for enforce (fail closed) and privileged for audit and warn (fail open).
  const level = (mode: keyof Policy, failed: Level): boolean => {
    const value = labels[LABEL_PREFIX + mode];
    if (value === undefined) return false;
    if ((LEVELS as string[]).includes(value)) {
      policy[mode].level = value as Level;
      return true;
    }
    policy[mode].level = failed;
    invalid(mode, value, `must be one of ${LEVELS.join(', ')}`);
    return false;
  };
  const version = (mode: keyof Policy): boolean => {
    const value = labels[`${LABEL_PREFIX}${mode}-version`];
    if (value === undefined) return false;
    const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(value);
    if (value !== 'latest' && !m) invalid(`${mode}-version`, value, 'must be "latest" or "v1.x"');
    policy[mode].minor = m ? Number(m[1]) : undefined;
    return true;
  };
  const hasEnforce = level('enforce', 'restricted');
  version('enforce');
  level('audit', 'privileged');
  version('audit');
  const hasWarn = labels[`${LABEL_PREFIX}warn`] !== undefined;
  level('warn', 'privileged');
  const hasWarnVersion = version('warn');
  // Without a warn label, warnings follow a stricter enforce level.
  if (!hasWarn && hasEnforce && compareLevels(policy.enforce.level, policy.warn.level) > 0) {
    policy.warn.level = policy.enforce.level;
    if (!hasWarnVersion) policy.warn.minor = policy.enforce.minor;
  }
  return { policy, errors };
}

/** The checks a level runs at a version, in the registry's order: baseline IDs sorted, then restricted IDs sorted. */
function checksFor(lv: LevelVersion) {
  const minor = lv.minor === undefined || lv.minor > MAX_MINOR ? MAX_MINOR : lv.minor;
  const active = CHECKS.flatMap((c) => {
    const variant = [...c.versions].reverse().find((v) => v.since <= minor);
    return variant && (c.level === 'baseline' || lv.level === 'restricted') ? [{ ...c, variant }] : [];
  });
  const overridden = new Set(active.flatMap((c) => c.variant.overrides ?? []));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ordered = [...active.filter((c) => c.level === 'baseline').sort(byId), ...active.filter((c) => c.level === 'restricted').sort(byId)];
  return ordered.filter((c) => !overridden.has(c.id)).map((c) => c.variant.check);
}

/** The failed checks of a pod (its metadata and spec) at a level and version; none for privileged. */
export function evaluatePod(lv: LevelVersion, meta: Any, spec: Any): CheckResult[] {
  if (lv.level === 'privileged') return [];
  return checksFor(lv).flatMap((check) => check(meta ?? {}, spec ?? {}) ?? []);
}

/** `reason (detail), reason (detail)`: AggregateCheckResult.ForbiddenDetail. */
export const forbiddenDetail = (results: CheckResult[]) => results.map((r) => (r.detail ? `${r.reason} (${r.detail})` : r.reason)).join(', ');
/** `reason, reason`: AggregateCheckResult.ForbiddenReason. */
export const forbiddenReason = (results: CheckResult[]) => results.map((r) => r.reason).join(', ');
