import { describe, expect, it } from 'vitest';
import type { SandboxApi } from 'podsim';
import { explainSchemaLoader } from './explain-schema-loader.ts';

function fakeSandbox(log: string[]): SandboxApi {
  return {
    write: (d: string) => void log.push(`write ${d}`),
    run: (line: string) => (log.push(`run ${line}`), Promise.resolve({ output: `ran ${line}`, exitCode: 0 })),
    writeFile: (p: string) => void log.push(`writeFile ${p}`),
    readFile: (p: string) => (log.push(`readFile ${p}`), 'content'),
    resize: () => void log.push('resize'),
    tick: (ms: number) => void log.push(`tick ${ms}`),
  } as unknown as SandboxApi;
}

describe('explainSchemaLoader().gate', () => {
  it('holds inputs, in order, until the schema is loaded; queries and resizes pass at once', async () => {
    let loaded!: () => void;
    const loader = explainSchemaLoader(() => new Promise<void>((r) => (loaded = r)));
    const log: string[] = [];
    const sb = loader.gate(fakeSandbox(log));
    const w = sb.write('k') as unknown as Promise<void>;
    const ran = sb.run('kubectl explain pods');
    sb.writeFile('pod.yaml', 'x');
    // The clock moves in order with input too: a pause clicked meanwhile holds it where the reader saw it.
    sb.tick(16);
    expect(sb.readFile('pod.yaml')).toBe('content');
    sb.resize(80, 24);
    expect(log).toEqual(['readFile pod.yaml', 'resize']);
    loaded();
    await w;
    await expect(ran).resolves.toEqual({ output: 'ran kubectl explain pods', exitCode: 0 });
    await Promise.resolve();
    expect(log).toEqual(['readFile pod.yaml', 'resize', 'write k', 'run kubectl explain pods', 'writeFile pod.yaml', 'tick 16']);
  });

  it('calls straight through once loaded', async () => {
    const loader = explainSchemaLoader(() => Promise.resolve());
    const log: string[] = [];
    const sb = loader.gate(fakeSandbox(log));
    await loader.load();
    await new Promise((r) => setTimeout(r, 0));
    sb.write('a');
    expect(log).toEqual(['write a']);
  });

  it('loads the schema once', async () => {
    let calls = 0;
    const loader = explainSchemaLoader(async () => void calls++);
    await Promise.all([loader.load(), loader.load()]);
    loader.gate(fakeSandbox([]));
    expect(calls).toBe(1);
  });
});
