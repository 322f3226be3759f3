import { describe, expect, it } from 'vitest';
import { smartLabel } from './generic.js';

describe('generic describer labels', () => {
  it('splits camelCase and upper-cases known acronyms', () => {
    expect(smartLabel('involvedObject')).toBe('Involved Object');
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('reportingInstance')).toBe('Reporting Instance');
    expect(smartLabel('field_with_underscore')).toBe('field_with_underscore');
  });
});
