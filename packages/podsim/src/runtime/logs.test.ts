import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { CONTAINER_LOG_MAX_BYTES, LogBuffer } from './logs.js';

describe('container log rotation', () => {
  it('starts a new file once the current one passes the size limit, keeping only what follows', () => {
    const log = new LogBuffer(new Clock());
    const line = 'x'.repeat(99);
    const perFile = Math.floor(CONTAINER_LOG_MAX_BYTES / 100);
    for (let i = 0; i < perFile; i++) log.stdout.write(`${line}\n`);
    expect(log.lines()).toHaveLength(perFile);
    const next = `after rotation ${line}`;
    log.stdout.write(`${next}\n`);
    expect(log.lines().map((l) => l.text)).toEqual([next]);
  });

  it('stays bounded however much a program writes', () => {
    const log = new LogBuffer(new Clock());
    for (let i = 0; i < 100_000; i++) log.stdout.write('y\n');
    expect(log.text().length).toBeLessThanOrEqual(CONTAINER_LOG_MAX_BYTES);
  });
});
