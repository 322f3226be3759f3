/**
 * The group versions a resource is served at besides its storage version, and how an object moves
 * between the two (the apiserver's conversion): requests in another version are converted on the way
 * in, and answers to requests addressed to that version on the way out.
 */
import type { KubeObject } from '../types.js';
import { AUTOSCALING_API } from '../kinds/autoscaling.js';

export interface VersionConversion {
  /** The Go struct the version's bodies are checked against (decode/schema.ts). */
  struct: string;
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

const CONVERSIONS: Record<string, Record<string, VersionConversion>> = {
  horizontalpodautoscalers: {
    'autoscaling/v1': { struct: 'HorizontalPodAutoscalerV1', toStorage: (o) => AUTOSCALING_API.get().hpaV1ToV2(o), fromStorage: (o) => AUTOSCALING_API.get().hpaV2ToV1(o) },
  },
};

/** The conversion for `apiVersion` of `resource`, when that is a served non-storage version. */
export function conversionFor(resource: string, apiVersion: string | undefined): VersionConversion | undefined {
  return apiVersion ? CONVERSIONS[resource]?.[apiVersion] : undefined;
}

/** An object (or each item of a list) as `apiVersion` shows it; unchanged for the storage version. */
export function asVersion<T extends KubeObject>(resource: string, apiVersion: string | undefined, obj: T): T {
  const c = conversionFor(resource, apiVersion);
  return c ? (c.fromStorage(obj) as T) : obj;
}
