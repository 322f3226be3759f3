/**
 * vish/stress as the CPU and memory task pages run it. Expected log lines: vishh/stress main.go's
 * glog.Infof calls (lines 26, 39, 29) under the image's ENTRYPOINT ["/stress", "-logtostderr"];
 * flag errors: Go's flag package.
 */
import { describe, expect, it } from 'vitest';
import { exitOf, logText, testPod } from '../runtime/testing.js';

describe('vish/stress', () => {
  it('logs what it burns and allocates, then keeps running (-cpus 2, as the CPU page’s Pod)', () => {
    const pod = testPod();
    const c = pod.run('vish/stress', { args: ['-cpus', '2'] });
    pod.clock.advance(1000);
    const lines = logText(c).split('\n');
    expect(lines[0]).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ main\.go:26\] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations$/);
    expect(lines.filter((l) => l.endsWith('main.go:39] Spawning a thread to consume CPU'))).toHaveLength(2);
    expect(lines[3]).toMatch(/main\.go:29\] Allocated "0" memory$/);
    expect(exitOf(c)).toBeUndefined();
  });

  it('allocating past the memory limit gets it OOMKilled (137)', () => {
    const pod = testPod();
    const c = pod.run('vish/stress', { args: ['-mem-total', '150Mi', '-mem-alloc-size', '10Mi', '-mem-alloc-sleep', '1s'], memoryLimitBytes: 100 * 1024 * 1024 });
    pod.clock.advance(60_000);
    expect(exitOf(c)).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('rejects an unknown flag as Go’s flag package does (exit 2)', () => {
    const pod = testPod();
    const c = pod.run('vish/stress', { args: ['-cpu', '2'] });
    pod.clock.advance(10);
    expect(logText(c).split('\n')[0]).toBe('flag provided but not defined: -cpu');
    expect(exitOf(c)).toMatchObject({ exitCode: 2 });
  });
});
