import { describe, expect, it } from 'vitest';
import { gateDecision } from './real-kubectl.js';

describe('real-kubectl gate', () => {
  it('runs when kubectl is there, skips without it, and fails without it in CI', () => {
    expect(gateDecision(true, 'true')).toBe('run');
    expect(gateDecision(true, undefined)).toBe('run');
    expect(gateDecision(false, undefined)).toBe('skip');
    expect(gateDecision(false, 'false')).toBe('skip');
    expect(gateDecision(false, 'true')).toBe('fail');
    expect(gateDecision(false, '1')).toBe('fail');
  });
});
