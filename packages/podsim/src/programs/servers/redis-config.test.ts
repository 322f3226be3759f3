/**
 * redis-server's configuration as CONFIG GET shows it. Expected values: the kubernetes.io tutorial
 * "Configuring Redis using a ConfigMap" (defaults `0`/`noeviction`; `maxmemory 2mb` in redis.conf reads
 * back as `2097152`), redis.conf's documented units (1k = 1000 bytes, 1kb = 1024) and server.c's
 * startup lines ("Configuration loaded" once a file or option is given).
 */
import { describe, expect, it } from 'vitest';
import { logText, testPod } from '../../runtime/testing.js';
import { memoryBytes } from './engines/redis-config.js';

describe('redis-server configuration', () => {
  it('answers CONFIG GET with the defaults when started without a file', () => {
    const pod = testPod();
    const c = pod.run('redis:7');
    const get = (name: string) => pod.exec(c, ['redis-cli', 'CONFIG', 'GET', name]).out.text;
    expect(get('maxmemory')).toBe('maxmemory\n0\n');
    expect(get('maxmemory-policy')).toBe('maxmemory-policy\nnoeviction\n');
    expect(logText(c)).toContain('Warning: no config file specified');
  });

  it('reads the redis.conf given as its argument, sizes in bytes', () => {
    const pod = testPod();
    const c = pod.run('redis:7', { command: ['sh', '-c', 'printf "# from a ConfigMap\\nmaxmemory 2mb\\nmaxmemory-policy allkeys-lru\\n" > /r.conf && exec redis-server /r.conf'] });
    pod.clock.advance(100);
    const out = pod.exec(c, ['sh', '-c', 'redis-cli --no-raw CONFIG GET maxmemory; redis-cli --no-raw CONFIG GET maxmemory-policy']);
    pod.clock.advance(10);
    expect(out.out.text).toBe('1) "maxmemory"\n2) "2097152"\n1) "maxmemory-policy"\n2) "allkeys-lru"\n');
    expect(logText(c)).toMatch(/^\d+:C .* \* Configuration loaded$/m);
    expect(pod.exec(c, ['redis-cli', 'CONFIG', 'SET', 'maxmemory', '1kb']).out.text).toBe('OK\n');
    expect(pod.exec(c, ['redis-cli', 'CONFIG', 'GET', 'maxmemory']).out.text).toBe('maxmemory\n1024\n');
  });

  it('fails to start on a bad line and on a missing file, with status 1', () => {
    const pod = testPod();
    const bad = pod.run('redis:7', { command: ['sh', '-c', 'echo "maxmemory lots" > /r.conf && exec redis-server /r.conf'] });
    pod.clock.advance(100);
    expect(logText(bad)).toContain("*** FATAL CONFIG FILE ERROR (Redis 7.4.1) ***\nReading the configuration file, at line 1\n>>> 'maxmemory lots'\nargument must be a memory value\n");
    const missing = pod.run('redis:7', { name: 'm', command: ['redis-server', '/nope.conf'] });
    pod.clock.advance(100);
    expect(logText(missing)).toMatch(/Fatal error, can't open config file '\/nope.conf': No such file or directory/);
  });

  it('converts sizes as redis.conf documents its units', () => {
    expect(memoryBytes('1k')).toBe(1000);
    expect(memoryBytes('1kb')).toBe(1024);
    expect(memoryBytes('5GB')).toBe(5 * 1024 ** 3);
    expect(memoryBytes('100')).toBe(100);
    expect(memoryBytes('2 mb')).toBeUndefined();
  });
});
