/**
 * A manifest's `containerPort` documents where the application listens; a course file that
 * declares a port nothing listens on teaches the wrong port. Each page file is applied, and once
 * its pods run, every declared port of a running container is reached through port-forward.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createSandbox } from 'podsim';
import { coursePages } from './page-blocks.js';

interface Container {
  name: string;
  ports?: { containerPort: number }[];
}

/** Pods (by name prefix) and their containers with declared ports, from a file's documents. */
function declaredPorts(text: string): { pod: string; container: string; port: number }[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const o = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { containers?: Container[]; template?: { spec?: { containers?: Container[] } } } };
    const containers = o.kind === 'Pod' ? o.spec?.containers : o.spec?.template?.spec?.containers;
    return (containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ pod: o.metadata?.name ?? '', container: c.name, port: p.containerPort })));
  });
}

const files = coursePages().flatMap((p) => Object.entries(p.files).map(([file, text]) => ({ file, text })));

describe.each(files.filter((f) => declaredPorts(f.text).length > 0))('$file', ({ file, text }) => {
  it('declares only ports its running containers listen on', async () => {
    const sb = createSandbox({ files: { [file]: text }, seed: 1 });
    await sb.run(`kubectl apply -f ${file}`, { maxVirtualMs: 2000 });
    sb.advance(30_000);
    const problems: string[] = [];
    let reached = 0;
    let notRunning = 0;
    for (const [i, d] of declaredPorts(text).entries()) {
      const pod = sb.snapshot().pods.find((p) => p.name === d.pod || p.name.startsWith(`${d.pod}-`));
      // A file whose pod never runs (an exercise's broken image) has nothing listening to reach.
      if (!pod || pod.containers.find((c) => c.name === d.container)?.state !== 'running') {
        notRunning++;
        continue;
      }
      const local = 30000 + i;
      await sb.run(`kubectl port-forward pod/${pod.name} ${local}:${d.port} &`, { maxVirtualMs: 1000 });
      const { output } = await sb.run(`curl -s http://localhost:${local}`, { maxVirtualMs: 5000 });
      if (/connection refused|lost connection/.test(output)) problems.push(`${d.container} declares ${d.port}, where nothing listens`);
      else reached++;
      await sb.run('kill %1', { maxVirtualMs: 1000 });
    }
    expect(problems).toEqual([]);
    expect(reached + notRunning).toBe(declaredPorts(text).length);
    if (notRunning === 0) expect(reached).toBeGreaterThan(0);
  });
});
