/**
 * Per-kind behaviour of the API server (the registry "strategies" of k8s `pkg/registry/<group>/<kind>/strategy.go`):
 * defaulting, admission, status initialisation and validation. All hooks work on a private mutable copy.
 */
import type { Clock } from '../../clock/clock.js';
import type { Random } from '../../random/random.js';
import type { ObjectStore } from '../store.js';
import type { ObjectMeta, Status } from '../types.js';
import type { FieldError } from '../validation/field.js';
import type { Any } from '../objects.js';

export interface StrategyContext {
  random: Random;
  clock: Clock;
  store: ObjectStore;
}

// The hooks take loosely typed objects: input has passed the decoder's type checks, but optional parts may be absent.
type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** A private, writable copy of an object going through the pipeline. */
export type Obj = Any & { apiVersion: string; kind: string; metadata: Writable<ObjectMeta> };

export interface KindStrategy {
  /** Field order of the top level as the real server serialises it (after apiVersion, kind, metadata). */
  topLevel: readonly string[];
  /** Has a status subresource: the main endpoint ignores status changes and the status endpoint everything else. */
  statusSubresource: boolean;
  /** metadata.generation is maintained (set to 1, bumped on spec change). */
  generation: boolean;
  /** scheme defaulting (SetDefaults_*), on create and update. */
  defaults?(obj: Obj): void;
  /** The scheme's defaults of status fields, also applied to a status write (whose spec is the stored one, frozen). */
  defaultStatus?(obj: Obj): void;
  /** Create-time only: status initialisation and admission plugins (service account, priority, IP allocation). */
  prepareForCreate?(obj: Obj, ctx: StrategyContext): Status | void;
  /** Update-time: carries over fields the user may not change (allocated IPs, …). */
  prepareForUpdate?(obj: Obj, old: Obj, ctx: StrategyContext): void;
  validate?(obj: Obj): FieldError[];
  validateUpdate?(obj: Obj, old: Obj): FieldError[];
  /** Warnings returned with a successful write (`Warning: ...` in kubectl). */
  warnings?(obj: Obj): string[];
  /** Storage drops the object this long after its last write (etcd lease). */
  ttlMs?: number;
  /** Name rule for metadata.name. */
  nameRule: 'subdomain' | 'label' | 'label1035' | 'path';
}
