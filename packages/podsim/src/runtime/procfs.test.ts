import { describe, expect, it } from 'vitest';
import { newDir } from '../kernel/fs.js';
import { testPod } from './testing.js';

const cat = (image: string, path: string, cfg = {}) => {
  const pod = testPod();
  const c = pod.run(image, { command: ['sleep', '3600'], ...cfg });
  const r = pod.exec(c, ['cat', path]);
  pod.clock.advance(10);
  return r.out.text;
};

describe('container /proc and /etc files', () => {
  it('/proc/mounts lists the overlay root, the kubelet files and the volumes', () => {
    const text = cat('busybox:1.28', '/proc/mounts', { mounts: [{ path: '/data', volume: newDir(), readOnly: true }] });
    expect(text.split('\n')[0]).toMatch(/^overlay \/ overlay rw,relatime,lowerdir=/);
    expect(text).toContain('/dev/sda1 /etc/resolv.conf ext4 rw,');
    expect(text).toContain('/dev/sda1 /data ext4 ro,relatime');
    expect(cat('busybox:1.28', '/proc/1/mounts')).toContain('proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n');
  });

  it('/proc/1/status shows the image user and its capabilities', () => {
    expect(cat('busybox:1.28', '/proc/1/status')).toContain('Uid:\t0\t0\t0\t0\n');
    expect(cat('busybox:1.28', '/proc/1/status')).toContain('CapEff:\t00000000a80425fb\n');
    const curl = cat('curlimages/curl:8.5.0', '/proc/1/status');
    expect(curl).toContain('Uid:\t100\t100\t100\t100\n');
    expect(curl).toContain('CapEff:\t0000000000000000\n');
  });

  it('/proc/self/uid_map and gid_map map the whole initial user namespace (no hostUsers: false on a default 1.32 cluster)', () => {
    // The kernel's identity mapping of init_user_ns, printed "%10u %10u %10u\n" (kernel/user_namespace.c uid_m_show).
    expect(cat('debian:bookworm', '/proc/self/uid_map')).toBe('         0          0 4294967295\n');
    expect(cat('busybox:1.28', '/proc/1/gid_map')).toBe('         0          0 4294967295\n');
  });

  it('/proc/1/maps maps the executable, the heap, libc in GNU images, the stack and the kernel pages', () => {
    // Format from the kernel's show_map_vma (fs/proc/task_mmu.c): on 64-bit a named mapping's fields are padded to 72 columns.
    const debian = cat('debian:bookworm', '/proc/1/maps').split('\n');
    expect(debian[0]).toBe('55d0c6a4b000-55d0c6a5e000 r--p 00000000 00:2e 1052673                    /usr/bin/sleep');
    expect(debian).toContain('ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]');
    expect(debian.some((l) => l.endsWith(' /usr/lib/x86_64-linux-gnu/libc.so.6'))).toBe(true);
    const busybox = cat('busybox:1.28', '/proc/1/maps');
    expect(busybox).toMatch(/^\S+ r--p 00000000 00:2e \d+ +\/bin\/sleep\n/);
    expect(busybox).not.toContain('libc');
  });

  it('/proc/self/ns links name the namespaces: the host user namespace, the pod’s network, the container’s mounts', () => {
    // PROC_USER_INIT_INO (include/linux/proc_ns.h): containers without hostUsers: false stay in the initial user namespace.
    const pod = testPod();
    const a = pod.run('busybox:1.28', { name: 'a', command: ['sleep', '3600'] });
    const b = pod.run('busybox:1.28', { name: 'b', command: ['sleep', '3600'] });
    const link = (c: typeof a, ns: string) => {
      const r = pod.exec(c, ['readlink', `/proc/self/ns/${ns}`]);
      pod.clock.advance(10);
      return r.out.text;
    };
    expect(link(a, 'user')).toBe('user:[4026531837]\n');
    expect(link(a, 'net')).toMatch(/^net:\[40265\d{5}\]\n$/);
    expect(link(a, 'net')).toBe(link(b, 'net'));
    expect(link(a, 'mnt')).not.toBe(link(b, 'mnt'));
    const notLink = pod.exec(a, ['readlink', '/etc/hostname']);
    pod.clock.advance(10);
    expect([notLink.out.text, notLink.proc.exitCode]).toEqual(['', 1]);
  });

  it('/proc/1/root reaches the container root; resolv.conf has the cluster DNS; os-release follows the tag', () => {
    expect(cat('debian:bullseye', '/proc/1/root/etc/os-release')).toContain('VERSION_CODENAME=bullseye');
    expect(cat('alpine:3.18', '/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(cat('alpine:3.18', '/etc/os-release')).toMatch(/VERSION_ID=3\.18\.\d+/);
    expect(cat('ubuntu:20.04', '/etc/os-release')).toContain('VERSION_CODENAME=focal');
  });
});
