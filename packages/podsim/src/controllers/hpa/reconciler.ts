/**
 * One autoscaler's sync (k8s pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler, 1.32): reads
 * the target's scale, asks each metric for a replica count, takes the largest, bounds it by
 * minReplicas/maxReplicas, the scale-up limit and the downscale stabilization window (or the behavior's
 * rules), writes the new size through the scale subresource and records conditions, the status and
 * SuccessfulRescale/Failed* events. Part of the controller's lazy part (hpa.lazy.ts).
 */
import { orderBySchema } from '../../api/decode/order.js';
import type { Any } from '../../api/objects.js';
import { SCALABLE, scaleOf } from '../../api/scale.js';
import { parseLabelSelector } from '../../api/selectors.js';
import type { KubeObject, Pod } from '../../api/types.js';
import { EventRecorder } from '../../events/recorder.js';
import { sameJson } from '../shared/canonical-json.js';
import { timestamp, type ControllerContext } from '../shared/context.js';
import type { Informer } from '../shared/informer.js';
import { setCondition } from './conditions.js';
import { metricReplicas } from './metric-replicas.js';
import { normalize, normalizeWithBehavior, recordScale, type ScalingHistory } from './normalize.js';

export type Hpa = KubeObject & { spec?: Any; status?: Any };

interface Target {
  resource: string;
  obj: KubeObject;
}

export class HpaReconciler {
  private readonly recorder: EventRecorder;
  private readonly history = new Map<string, ScalingHistory>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly hpas: Informer<Hpa>,
    private readonly pods: Informer<Pod & KubeObject>,
  ) {
    this.recorder = new EventRecorder(ctx.api, ctx.clock, { component: 'horizontal-pod-autoscaler' });
  }

  /** The autoscaler is gone: its recommendations and scale events with it. */
  forget(key: string): void {
    this.history.delete(key);
  }

  /** The scale target: its resource and object, or the error the controller reports. */
  private target(hpa: Hpa): Target | string {
    const ref: Any = hpa.spec?.scaleTargetRef ?? {};
    const group = String(ref.apiVersion ?? '').includes('/') ? String(ref.apiVersion).split('/')[0] : '';
    const info = this.ctx.api.resources().find((r) => r.kind === ref.kind && r.group === group);
    if (!info) return `no matches for kind "${ref.kind}" in group "${group}"`;
    if (!SCALABLE.has(info.resource)) return 'the server could not find the requested resource';
    const got = this.ctx.api.get(info.resource, hpa.metadata.namespace, ref.name ?? '');
    if (!got.ok) return got.status.message ?? '';
    return { resource: info.resource, obj: got.value };
  }

  reconcile(key: string, hpa: Hpa): void {
    const now = this.ctx.clock.now();
    const spec: Any = hpa.spec ?? {};
    const status: Any = structuredClone(hpa.status ?? {});
    const target = this.target(hpa);
    if (typeof target === 'string') {
      this.recorder.event(hpa, 'Warning', 'FailedGetScale', target);
      setCondition(status, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${target}`, now);
      return this.writeStatus(hpa, status);
    }
    setCondition(status, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
    const scale: Any = scaleOf(target.obj);
    const current: number = scale.spec.replicas;
    const history = this.historyOf(key, current, now);
    const min: number = spec.minReplicas ?? 1;
    const max: number = spec.maxReplicas ?? 0;
    let desired = 0;
    let reason = '';
    let rescale = true;
    let metricStatuses: Any[] | undefined = status.currentMetrics ?? undefined;
    if (current === 0 && min !== 0) {
      rescale = false;
      setCondition(status, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (current > max) {
      [desired, reason] = [max, 'Current number of replicas above Spec.MaxReplicas'];
    } else if (current < min) {
      [desired, reason] = [min, 'Current number of replicas below Spec.MinReplicas'];
    } else {
      const computed = this.computeReplicas(hpa, scale, status, now);
      metricStatuses = computed.statuses;
      if (!computed.ok) {
        this.setStatus(status, current, status.desiredReplicas ?? 0, metricStatuses, false, now);
        this.writeStatus(hpa, status);
        if (computed.error) this.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.error);
        return;
      }
      desired = computed.replicas;
      if (desired > current) reason = `${computed.metricName} above target`;
      if (desired < current) reason = 'All metrics below target';
      const n = spec.behavior ? normalizeWithBehavior(history, spec.behavior, current, desired, min, max, now) : normalize(history, current, desired, min, max, now);
      setCondition(status, 'AbleToScale', n.ableToScale.status, n.ableToScale.reason, n.ableToScale.message, now);
      setCondition(status, 'ScalingLimited', n.scalingLimited.status, n.scalingLimited.reason, n.scalingLimited.message, now);
      desired = n.replicas;
      rescale = desired !== current;
    }
    if (rescale) {
      const r = this.ctx.api.patch(target.resource, hpa.metadata.namespace, target.obj.metadata.name ?? '', 'merge', { spec: { replicas: desired } }, { subresource: 'scale', fieldManager: 'kube-controller-manager' });
      if (!r.ok) {
        this.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${r.status.message ?? ''}`);
        setCondition(status, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${r.status.message ?? ''}`, now);
        this.setStatus(status, current, status.desiredReplicas ?? 0, metricStatuses, false, now);
        return this.writeStatus(hpa, status);
      }
      setCondition(status, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
      this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      recordScale(history, spec.behavior, current, desired, now);
    } else desired = current;
    this.setStatus(status, current, desired, metricStatuses, rescale, now);
    this.writeStatus(hpa, status);
  }

  /** computeReplicasForMetrics: the largest proposal of the metrics that could be read. */
  private computeReplicas(hpa: Hpa, scale: Any, status: Any, now: number): { ok: true; replicas: number; metricName: string; statuses: Any[] } | { ok: false; error?: string; statuses?: Any[] } {
    const selectorText: string = scale.status.selector ?? '';
    if (!selectorText) {
      this.recorder.event(hpa, 'Warning', 'SelectorRequired', 'selector is required');
      setCondition(status, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
      return { ok: false, error: 'selector is required' };
    }
    const selector = parseLabelSelector(selectorText);
    const namespace = hpa.metadata.namespace ?? 'default';
    const pods = this.pods.list(namespace).filter((p) => selector.ok && selector.matches(p.metadata?.labels));
    const specs: Any[] = hpa.spec?.metrics ?? [];
    const statuses: Any[] = specs.map(() => ({ type: '' }));
    let best: { replicas: number; metricName: string } | undefined;
    let firstFailure: { reason: string; error: string; message: string } | undefined;
    let invalid = 0;
    specs.forEach((m, i) => {
      const p = metricReplicas(this.ctx.api, m, scale.spec.replicas, namespace, selectorText, pods, now);
      if (!p.ok) {
        this.recorder.event(hpa, 'Warning', p.reason, p.eventMessage);
        firstFailure ??= { reason: p.reason, error: p.error, message: `the HPA was unable to compute the replica count: ${p.eventMessage}` };
        invalid++;
        return;
      }
      statuses[i] = p.status;
      if (!best || p.replicas > best.replicas) best = { replicas: p.replicas, metricName: p.metricName };
    });
    if (!best || invalid >= specs.length) {
      if (firstFailure) setCondition(status, 'ScalingActive', 'False', firstFailure.reason, firstFailure.message, now);
      return { ok: false, statuses, error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstFailure?.error ?? ''}` };
    }
    setCondition(status, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${best.metricName}`, now);
    return { ok: true, replicas: best.replicas, metricName: best.metricName, statuses };
  }

  private historyOf(key: string, current: number, now: number): ScalingHistory {
    let h = this.history.get(key);
    if (!h) {
      h = { recommendations: [{ replicas: current, at: now }], up: [], down: [] };
      this.history.set(key, h);
    }
    return h;
  }

  private setStatus(status: Any, current: number, desired: number, metrics: Any[] | undefined, rescaled: boolean, now: number): void {
    status.currentReplicas = current;
    status.desiredReplicas = desired;
    status.currentMetrics = metrics ?? null;
    if (rescaled) status.lastScaleTime = timestamp(now);
  }

  /** updateStatusIfNeeded: writes only a changed status. */
  private writeStatus(hpa: Hpa, status: Any): void {
    if (!status.currentReplicas) delete status.currentReplicas;
    const ordered = orderBySchema('HorizontalPodAutoscalerStatus', status);
    if (sameJson(ordered, hpa.status ?? {})) return;
    const r = this.ctx.api.updateStatus<Hpa>('horizontalpodautoscalers', hpa.metadata.namespace, { ...hpa, status: ordered });
    if (r.ok) this.hpas.store(r.value);
  }
}
