/**
 * Runs a kubelet routine written as a generator of Waitables (pull, wait, start, hook…) in virtual
 * time, outside any process: the kubelet's goroutines. Returns a cancel function.
 */
import type { Task, Waitable } from '../kernel/waitable.js';

export type KubeletTask = Task<void>;

export function runTask(task: KubeletTask, done?: () => void): () => void {
  let cancelWait: (() => void) | undefined;
  let finished = false;
  let stepping = false;
  let pending: { value: unknown } | undefined;
  const step = (input: unknown) => {
    if (stepping) {
      pending = { value: input };
      return;
    }
    stepping = true;
    try {
      let value = input;
      for (;;) {
        const r = task.next(value);
        if (r.done) {
          finished = true;
          done?.();
          return;
        }
        pending = undefined;
        let sync = true;
        cancelWait = (r.value as Waitable<unknown>).subscribe((v) => {
          cancelWait = undefined;
          if (sync) pending = { value: v };
          else {
            stepping = false;
            step(v);
          }
        });
        sync = false;
        const got = pending as { value: unknown } | undefined;
        if (!got) return;
        value = got.value;
      }
    } finally {
      stepping = false;
    }
  };
  step(undefined);
  return () => {
    if (finished) return;
    finished = true;
    cancelWait?.();
    task.return(undefined);
  };
}
