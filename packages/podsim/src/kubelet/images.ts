/**
 * Image pulls for container starts: pull policy, one pull at a time per node (serialized puller),
 * per pod+image back-off after failures, and the Pulling/Pulled/Failed/BackOff events.
 * Models pkg/kubelet/images/image_manager.go EnsureImageExists and puller.go (serialImagePuller).
 */
import type { Clock } from '../clock/clock.js';
import type { Container } from '../api/types.js';
import { findImage } from '../images/index.js';
import { goDuration } from '../format/duration.js';
import { sleep, type Waitable } from '../kernel/waitable.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { Backoff } from './backoff.js';
import { settled } from './probes/types.js';

export type ImageResult =
  | { ok: true; image: string; imageId: string }
  | { ok: false; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName'; message: string };

/** Records a pod event: (type, reason, message). */
export type Emit = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/** Kubernetes defaulting: `:latest` or no tag pulls always. */
export function pullPolicyOf(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const image = c.image ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function cachedRef(image: string): ImageResult {
  const f = findImage(image);
  if (!f.ok) return { ok: true, image, imageId: '' };
  return { ok: true, image: f.ref.canonical, imageId: `${f.ref.repository}@${f.digest}` };
}

export class ImageManager {
  private readonly backoff = new Backoff();
  /** When the node's single puller is free again. */
  private pullerFreeAt = 0;

  constructor(
    private readonly clock: Clock,
    private readonly runtime: ContainerRuntime,
  ) {}

  ensure(podUid: string, c: Container, emit: Emit): Waitable<ImageResult> {
    const image = c.image ?? '';
    const policy = pullPolicyOf(c);
    const present = this.runtime.isPresent(image);
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        emit('Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
        return settled(cachedRef(image));
      }
      const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
      emit('Warning', 'ErrImageNeverPull', message);
      return settled({ ok: false, reason: 'ErrImageNeverPull', message });
    }
    const key = `${podUid}_${image}`;
    const now = this.clock.now();
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      const message = `Back-off pulling image ${JSON.stringify(image)}`;
      emit('Normal', 'BackOff', message);
      return settled({ ok: false, reason: 'ImagePullBackOff', message });
    }
    const r = this.runtime.pull(image);
    if (!r.ok && r.reason === 'InvalidImageName') {
      emit('Warning', 'InspectFailed', r.error);
      return settled({ ok: false, reason: 'InvalidImageName', message: r.error });
    }
    emit('Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`);
    const begin = Math.max(now, this.pullerFreeAt);
    const end = begin + r.durationMs;
    this.pullerFreeAt = end;
    return {
      subscribe: (resume) =>
        sleep(this.clock, end - now).subscribe(() => {
          if (!r.ok) {
            emit('Warning', 'Failed', `Failed to pull image ${JSON.stringify(image)}: ${r.error}`);
            this.backoff.next(key, this.clock.now(), this.clock.now());
            resume({ ok: false, reason: 'ErrImagePull', message: r.error });
            return;
          }
          const pulled = goDuration(Math.trunc(r.durationMs));
          const waited = goDuration(Math.trunc(this.clock.now() - now));
          emit('Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(image)} in ${pulled} (${waited} including waiting). Image size: ${r.sizeBytes} bytes.`);
          resume({ ok: true, image: r.imageRef, imageId: r.imageId });
        }),
    };
  }

  forgetPod(podUid: string): void {
    this.backoff.forgetPrefix(`${podUid}_`);
  }
}
