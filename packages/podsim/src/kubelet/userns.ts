/**
 * The kubelet's user-namespace ID ranges (pkg/kubelet/userns/userns_manager.go): a pod with
 * `hostUsers: false` gets 65536 IDs of its own, one slot of the kubelet's range. Without a `kubelet`
 * entry in /etc/subuid (a kubeadm node has none) the range is 65536 up to 2^32, so slots 1–65535; the
 * manager takes a free one at random. The pick is drawn from the pod's UID (itself random) rather
 * than the seeded source, so a pod in a user namespace shifts no name generated after it.
 */
export const USERNS_LENGTH = 65_536;
const SLOTS = 2 ** 32 / USERNS_LENGTH - 1;

export class UserNamespaces {
  private readonly byPod = new Map<string, number>();
  private readonly used = new Set<number>();

  /** The first host ID of the pod's range (the same on every call until it is released). */
  allocate(podUid: string): number {
    const had = this.byPod.get(podUid);
    if (had !== undefined) return had * USERNS_LENGTH;
    let h = 2166136261;
    for (const ch of podUid) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    let slot = 1 + (h % SLOTS);
    while (this.used.has(slot)) slot = (slot % SLOTS) + 1;
    this.used.add(slot);
    this.byPod.set(podUid, slot);
    return slot * USERNS_LENGTH;
  }

  release(podUid: string): void {
    const slot = this.byPod.get(podUid);
    if (slot === undefined) return;
    this.used.delete(slot);
    this.byPod.delete(podUid);
  }
}
