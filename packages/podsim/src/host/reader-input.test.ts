import { describe, expect, it } from 'vitest';
import { plainText } from '../format/screen-text.js';
import { createSandbox, PAUSED_NOTICE, restoreSandbox } from './sandbox.js';

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

  it('what is typed ahead while a command runs, even half a line, is at the next prompt', () => {
    const sb = createSandbox();
    let out = '';
    sb.onOutput((d) => (out += d));
    sb.write('sleep 1\r');
    sb.tick(100);
    sb.write('echo hel');
    sb.tick(2000);
    sb.write('lo\r');
    sb.tick(100);
    // bash's line editor shows the typed-ahead text again after its prompt, and the line runs whole.
    expect(plainText(out)).toBe('sleep 1\necho hellearner@podlab:~$ echo hello\nhello\nlearner@podlab:~$');
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

  it('a page’s run control moves time itself: no paused notice', async () => {
    const sb = createSandbox();
    sb.setSpeed(0);
    const r = await sb.run('echo ran');
    expect(r.output).toBe('ran\n');
  });
});

describe('an editor open when the page was saved', () => {
  it('is still open after a restore, and closing it lets the shell go on', async () => {
    const sb = createSandbox({ files: { 'pod.yaml': 'kind: Pod\n' } });
    sb.onOpenEditor(() => undefined);
    sb.write('vi pod.yaml; echo "closed $?"\r');
    sb.advance(100);
    expect(sb.pendingEditors()).toEqual([{ path: 'pod.yaml', content: 'kind: Pod\n', mode: 'vi' }]);
    const restored = restoreSandbox(sb.exportState());
    expect(restored.pendingEditors()).toEqual([{ path: 'pod.yaml', content: 'kind: Pod\n', mode: 'vi' }]);
    let out = '';
    restored.onOutput((d) => (out += d));
    restored.writeFile('pod.yaml', 'kind: Pod # edited\n');
    restored.editorClosed('pod.yaml', true);
    restored.advance(10);
    expect(plainText(out)).toContain('closed 0');
    expect(restored.pendingEditors()).toEqual([]);
  });
});
