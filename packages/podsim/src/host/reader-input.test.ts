import { describe, expect, it } from 'vitest';
import { plainText } from './screen-text.js';
import { createSandbox, PAUSED_NOTICE } from './sandbox.js';

const NOTICE = plainText(PAUSED_NOTICE).trim();

describe('what the reader types', () => {
  it('kubectl apply -f - reads a here-document typed line by line', async () => {
    const sb = createSandbox();
    await sb.run('kubectl apply -f - <<EOF');
    for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: from-heredoc', 'spec:', '  containers:', '  - name: c', '    image: nginx']) await sb.run(line);
    expect(await sb.run('EOF')).toEqual({ output: 'pod/from-heredoc created\n', exitCode: 0 });
    expect((await sb.run('cat <<EOF > pod.yaml\nkind: Pod\nEOF')).exitCode).toBe(0);
    expect(sb.readFile('pod.yaml')).toBe('kind: Pod\n');
  });

  it('a command typed while the clock is paused says so, once per pause', () => {
    const sb = createSandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    sb.setSpeed(0);
    sb.write('echo one\r');
    sb.write('echo two\r');
    expect(plainText(out).split(NOTICE).length - 1).toBe(1);
    expect(plainText(out)).not.toMatch(/^one$/m);
    sb.setSpeed(1);
    sb.tick(100);
    expect(plainText(out)).toMatch(/^one$/m);
    sb.setSpeed(0);
    out = '';
    sb.write('echo three\r');
    expect(plainText(out)).toContain(NOTICE);
  });
});
