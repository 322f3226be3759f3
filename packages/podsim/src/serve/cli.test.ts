import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveMain } from './cli.js';

describe('podsim serve on a busy port', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one clear line and exits 1 instead of a stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((d) => ((err += String(d)), true));
    try {
      const code = await serveMain(['--port', String(port), '--kubeconfig', join(tmpdir(), 'podsim-busy.kubeconfig')]);
      expect(code).toBe(1);
      expect(err).toBe(`podsim serve: cannot listen on 127.0.0.1:${port}: address already in use (another podsim serve or kubectl proxy?); pick another with --port N, or --port 0 for a free one\n`);
    } finally {
      busy.close();
    }
  });
});
