/**
 * describe of LimitRanges (kubectl pkg/describe/describe.go describeLimitRange and DescribeLimitRanges, release-1.32):
 * the tab-aligned table, `-` where an item leaves a column unset, quantities in canonical form.
 */
import { describe, expect, it } from 'vitest';
import type { LimitRange } from 'kubernetes-types/core/v1';
import { describeLimitRange, describeNamespaceLimits } from './limit-range.js';
import { PrefixWriter } from './prefix-writer.js';

const lr: LimitRange = {
  metadata: { name: 'mem-min-max-demo-lr', namespace: 'constraints-mem-example' },
  spec: {
    limits: [
      { type: 'Container', max: { memory: '1Gi' }, min: { memory: '500Mi' }, default: { memory: '1Gi' }, defaultRequest: { memory: '1Gi' }, maxLimitRequestRatio: { cpu: '10' } },
      { type: 'Pod', max: { cpu: '1.5' } },
    ],
  },
};

describe('describe limitrange', () => {
  it('prints one row per item and resource', () => {
    expect(describeLimitRange(lr)).toBe(
      [
        'Name:       mem-min-max-demo-lr',
        'Namespace:  constraints-mem-example',
        'Type        Resource  Min    Max    Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---    ---    ---------------  -------------  -----------------------',
        'Container   cpu       -      -      -                -              10',
        'Container   memory    500Mi  1Gi    1Gi              1Gi            -',
        'Pod         cpu       -      1500m  -                -              -',
        '',
      ].join('\n'),
    );
  });

  it("lists a namespace's ranges under Resource Limits, or says there are none", () => {
    const none = new PrefixWriter();
    describeNamespaceLimits(none, []);
    expect(none.toString()).toBe('No LimitRange resource.\n');
    const w = new PrefixWriter();
    describeNamespaceLimits(w, [{ spec: { limits: [{ type: 'Container', max: { cpu: '800m' } }] } }]);
    expect(w.toString()).toBe(
      ['Resource Limits', ' Type       Resource  Min  Max   Default Request  Default Limit  Max Limit/Request Ratio', ' ----       --------  ---  ---   ---------------  -------------  -----------------------', ' Container  cpu       -    800m  -                -              -', ''].join(
        '\n',
      ),
    );
  });
});
