import { describe, expect, it } from 'vitest';
import { boundingSet, capabilityMask, DEFAULT_CAPABILITIES } from './capabilities.js';

// Masks as /proc/PID/status shows them on the docs page tasks/configure-pod-container/security-context.
describe('capabilities', () => {
  it('the runtime default set is 00000000a80425fb; NET_ADMIN and SYS_TIME added make 00000000aa0435fb', () => {
    expect(capabilityMask(DEFAULT_CAPABILITIES)).toBe('00000000a80425fb');
    expect(capabilityMask(boundingSet({ add: ['NET_ADMIN', 'SYS_TIME'], drop: [], privileged: false }))).toBe('00000000aa0435fb');
  });

  it('follows containerd: ALL first, then named adds, then named drops', () => {
    expect(capabilityMask(boundingSet({ add: ['ALL'], drop: ['CHOWN'], privileged: false }))).toBe('000001fffffffffe');
    expect(capabilityMask(boundingSet({ add: ['KILL'], drop: ['ALL'], privileged: false }))).toBe('0000000000000020');
    expect(capabilityMask(boundingSet({ add: ['net_raw'], drop: ['NET_RAW'], privileged: false }))).toBe('00000000a80405fb');
    expect(capabilityMask(boundingSet({ add: [], drop: ['ALL'], privileged: true }))).toBe('000001ffffffffff');
  });
});
