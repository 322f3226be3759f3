import { describe, expect, it } from 'vitest';
import { Ipam } from './ipam.js';

describe('Ipam', () => {
  it('hands out .2, .3 … and does not reuse a freed address at once', () => {
    const ipam = new Ipam('10.244.1.0/24');
    expect(ipam.gateway).toBe('10.244.1.1');
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    ipam.release('10.244.1.3');
    expect(ipam.allocate()).toBe('10.244.1.5');
  });

  it('wraps around to free addresses', () => {
    const ipam = new Ipam('10.244.2.0/24');
    for (let i = 0; i < 253; i++) ipam.allocate();
    ipam.release('10.244.2.7');
    expect(ipam.allocate()).toBe('10.244.2.7');
  });
});
