/**
 * Linux capabilities as /proc/PID/status shows them: bit numbers from include/uapi/linux/capability.h
 * (kernel 6.8, CAP_LAST_CAP = CAP_CHECKPOINT_RESTORE) and the set containerd grants a container by
 * default (containerd's pkg/oci defaultUnixCaps, the same as Docker's).
 */
export const CAPABILITY_BITS: Readonly<Record<string, number>> = {
  CHOWN: 0, DAC_OVERRIDE: 1, DAC_READ_SEARCH: 2, FOWNER: 3, FSETID: 4, KILL: 5, SETGID: 6, SETUID: 7, SETPCAP: 8,
  LINUX_IMMUTABLE: 9, NET_BIND_SERVICE: 10, NET_BROADCAST: 11, NET_ADMIN: 12, NET_RAW: 13, IPC_LOCK: 14, IPC_OWNER: 15,
  SYS_MODULE: 16, SYS_RAWIO: 17, SYS_CHROOT: 18, SYS_PTRACE: 19, SYS_PACCT: 20, SYS_ADMIN: 21, SYS_BOOT: 22, SYS_NICE: 23,
  SYS_RESOURCE: 24, SYS_TIME: 25, SYS_TTY_CONFIG: 26, MKNOD: 27, LEASE: 28, AUDIT_WRITE: 29, AUDIT_CONTROL: 30, SETFCAP: 31,
  MAC_OVERRIDE: 32, MAC_ADMIN: 33, SYSLOG: 34, WAKE_ALARM: 35, BLOCK_SUSPEND: 36, AUDIT_READ: 37, PERFMON: 38, BPF: 39,
  CHECKPOINT_RESTORE: 40,
};

export const DEFAULT_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'];

const ALL = Object.keys(CAPABILITY_BITS);

/**
 * The bounding set of a container: every capability when privileged, else containerd's WithCapabilities
 * order: add ALL grants everything, drop ALL empties the set, then the named adds, then the named drops
 * (so a drop wins over an add of the same name). Names are upper-cased, as containerd does.
 */
export function boundingSet(spec: { add: readonly string[]; drop: readonly string[]; privileged: boolean }): Set<string> {
  if (spec.privileged) return new Set(ALL);
  const add = spec.add.map((c) => c.toUpperCase());
  const drop = spec.drop.map((c) => c.toUpperCase());
  let caps = new Set(DEFAULT_CAPABILITIES);
  if (add.includes('ALL')) caps = new Set(ALL);
  if (drop.includes('ALL')) caps = new Set();
  for (const c of add) if (c in CAPABILITY_BITS) caps.add(c);
  for (const c of drop) caps.delete(c);
  return caps;
}

/** The 16-hex-digit mask /proc/PID/status prints for a set of capabilities. */
export function capabilityMask(caps: Iterable<string>): string {
  let mask = 0n;
  for (const c of caps) mask |= 1n << BigInt(CAPABILITY_BITS[c] ?? 0);
  return mask.toString(16).padStart(16, '0');
}
