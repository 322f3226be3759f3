/**
 * User namespaces for hostUsers: false. Expectations: the kernel's /proc/PID/uid_map format
 * (kernel/user_namespace.c uid_m_show, "%10u %10u %10u\n"), the initial namespace's inode
 * (include/linux/proc_ns.h PROC_USER_INIT_INO = 0xEFFFFFFD) and the kubelet's 65536-ID slots above
 * the first 65536 (pkg/kubelet/userns/userns_manager.go, the default range without /etc/subuid).
 */
import { describe, expect, it } from 'vitest';
import { testPod } from '../runtime/testing.js';
import { USERNS_LENGTH, UserNamespaces } from './userns.js';

describe('user namespaces', () => {
  it('gives each pod its own free 65536-ID slot above the host range, the same until released', () => {
    const m = new UserNamespaces();
    const a = m.allocate('pod-a');
    const b = m.allocate('pod-b');
    for (const id of [a, b]) {
      expect(id % USERNS_LENGTH).toBe(0);
      expect(id).toBeGreaterThanOrEqual(USERNS_LENGTH);
      expect(id + USERNS_LENGTH).toBeLessThanOrEqual(2 ** 32);
    }
    expect(b).not.toBe(a);
    expect(m.allocate('pod-a')).toBe(a);
    m.release('pod-a');
    expect(m.allocate('pod-c')).not.toBe(b);
  });

  it("shows the pod's mapping in /proc/self/uid_map and gid_map, and a user namespace of its own", () => {
    const pod = testPod({ userns: { hostId: 833_617_920, length: USERNS_LENGTH } });
    const c = pod.run('busybox', { command: ['sleep', '3600'] });
    expect(pod.exec(c, ['cat', '/proc/self/uid_map', '/proc/self/gid_map']).out.text).toBe('         0  833617920      65536\n'.repeat(2));
    const ns = pod.exec(c, ['readlink', '/proc/self/ns/user']).out.text;
    expect(ns).toMatch(/^user:\[\d+\]\n$/);
    expect(ns).not.toBe('user:[4026531837]\n');
    // A container that shares the host's user namespace sees the identity mapping of all 2^32-1 IDs.
    const host = testPod({ name: 'host-users' });
    const h = host.run('busybox', { command: ['sleep', '3600'] });
    expect(host.exec(h, ['cat', '/proc/self/uid_map']).out.text).toBe('         0          0 4294967295\n');
    expect(host.exec(h, ['readlink', '/proc/self/ns/user']).out.text).toBe('user:[4026531837]\n');
  });
});
