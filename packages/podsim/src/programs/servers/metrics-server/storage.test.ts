/** metrics-server's storage and its reading of the kubelet's samples. */
import { describe, expect, it } from 'vitest';
import { promFloat, resourceMetricsText } from '../../../kubelet/resource-metrics.js';
import type { Pod } from '../../../api/types.js';
import { usageOf } from './api.js';
import { parseResourceMetrics } from './scrape.js';
import { MetricsStorage } from './storage.js';

const pod = { metadata: { name: 'web', namespace: 'default' } } as Pod;

function scrapeAt(at: number, cpuCoreMs: number, memory: number, startedAt = 0) {
  const text = resourceMetricsText({ cores: 0.1, bytes: 1e9, startedAt: 0 }, [{ pod, containers: [{ name: 'c', startedAt, stats: { cpuCoreMs, workingSetBytes: memory } }] }], at);
  return new Map([['node01', parseResourceMetrics(text)]]);
}

describe('the kubelet samples', () => {
  it('writes values as strconv.FormatFloat(v, g, -1) and reads them back', () => {
    expect([promFloat(0), promFloat(12.5), promFloat(123456), promFloat(1234567), promFloat(4.2e9), promFloat(0.00001)]).toEqual(['0', '12.5', '123456', '1.234567e+06', '4.2e+09', '1e-05']);
    const s = parseResourceMetrics(resourceMetricsText({ cores: 0.1, bytes: 1e9, startedAt: 0 }, [{ pod, containers: [{ name: 'c', startedAt: 5000, stats: { cpuCoreMs: 1500, workingSetBytes: 3 * 2 ** 20 } }] }], 60_000));
    expect(s.node).toEqual({ cpu: 0.1 * 60 + 1.5, memory: 1e9 + 3 * 2 ** 20, at: 60_000 });
    expect(s.pods.get('default/web')?.get('c')).toEqual({ cpu: 1.5, memory: 3 * 2 ** 20, at: 60_000, startedAt: 5000 });
  });
});

describe('MetricsStorage', () => {
  it('rates CPU over the window between the last two scrapes and reports the latest memory', () => {
    const st = new MetricsStorage();
    st.store(scrapeAt(15_000, 1_000, 2 ** 20, 10_000));
    // Started 5 s before the first scrape: too fresh to be rated from its start time.
    expect(st.pod('default/web')).toBeUndefined();
    expect(st.ready()).toBe(false);
    st.store(scrapeAt(30_000, 4_000, 5 * 2 ** 20, 10_000));
    expect(st.pod('default/web')).toEqual([{ name: 'c', usage: { cpu: 0.2, memory: 5 * 2 ** 20, at: 30_000, windowMs: 15_000 } }]);
    expect(st.node('node01')).toMatchObject({ windowMs: 15_000 });
    expect(st.node('node01')!.cpu).toBeCloseTo(0.3);
    expect(st.ready()).toBe(true);
  });

  it('rates a container seen once from its start time when it started at least 10 s before', () => {
    const st = new MetricsStorage();
    st.store(scrapeAt(20_000, 5_000, 2 ** 20, 10_000));
    expect(st.pod('default/web')).toEqual([{ name: 'c', usage: { cpu: 0.5, memory: 2 ** 20, at: 20_000, windowMs: 10_000 } }]);
  });

  it('starts over for a restarted container and forgets pods no longer scraped', () => {
    const st = new MetricsStorage();
    st.store(scrapeAt(15_000, 9_000, 2 ** 20, 0));
    st.store(scrapeAt(30_000, 100, 2 ** 20, 25_000));
    expect(st.pod('default/web')).toBeUndefined();
    st.store(new Map());
    expect(st.podKeys()).toEqual([]);
  });

  it('prints CPU in nanocores and memory in binary units as resource.Quantity does', () => {
    expect(usageOf({ cpu: 0.0012345, memory: 3 * 2 ** 20 })).toEqual({ cpu: '1234500n', memory: '3Mi' });
    expect(usageOf({ cpu: 1, memory: 1000 })).toEqual({ cpu: '1', memory: '1000' });
    expect(usageOf({ cpu: 0, memory: 5 * 1024 })).toEqual({ cpu: '0', memory: '5Ki' });
  });
});
