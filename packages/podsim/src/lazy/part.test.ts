import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { plainText } from '../format/screen-text.js';
import { createSandbox } from '../host/sandbox.js';
import { lazyPrograms } from '../kernel/lazy-program.js';
import { PidNamespace, type Program, type System } from '../kernel/process.js';
import { StringSink, emptyInput } from '../kernel/streams.js';
import { LazyPart, provideLazyPart } from './part.js';

describe('LazyPart', () => {
  it('answers only once provided, keeps the first value, and names what is missing', () => {
    const part = new LazyPart<{ n: number }>('test-numbers', undefined);
    expect(part.loaded).toBe(false);
    expect(() => part.get()).toThrow('the test-numbers part is not loaded yet');
    provideLazyPart('test-numbers', { n: 1 });
    part.provide({ n: 2 });
    expect(part.get()).toEqual({ n: 1 });
    expect(() => provideLazyPart('no-such-part', {})).toThrow('no lazy part named no-such-part');
  });

  it('a program of a part not loaded yet waits for it, then runs', () => {
    const part = new LazyPart<Record<'hello', Program>>('test-programs', undefined);
    const { hello } = lazyPrograms(part, ['hello']);
    const clock = new Clock();
    const out = new StringSink();
    const sys = { clock, hostname: () => 'box', resolve: () => undefined } as System;
    const proc = new PidNamespace(true).spawn({ argv: ['hello'], program: hello, stdin: emptyInput, stdout: out, stderr: new StringSink(), sys });
    clock.advance(10_000);
    expect(proc.exitCode).toBeUndefined();
    part.provide({
      *hello(p) {
        p.stdout.write('hello\n');
        return 3;
      },
    });
    expect(out.text).toBe('hello\n');
    expect(proc.exitCode).toBe(3);
  });

  it('kubectl typed before a part is there waits for it, then answers as usual', () => {
    const sb = createSandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    const part = new LazyPart<object>('test-kubectl-waits', undefined);
    sb.write('kubectl get namespace default -o name\r');
    sb.tick(5000);
    expect(plainText(out)).not.toContain('namespace/default');
    part.provide({});
    sb.tick(100);
    expect(plainText(out)).toMatch(/^namespace\/default$/m);
  });
});
