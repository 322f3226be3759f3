/**
 * `[[ … ]]` as bash and busybox ash run it (bash manual, "Conditional Constructs": patterns on
 * the right of ==, =~ with BASH_REMATCH, && || ! and parentheses, no word splitting), and dash,
 * which has none (`[[` is then a command that is not found).
 */
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../host/sandbox.js';
import { testPod } from '../runtime/testing.js';

describe('[[ ]]', () => {
  it('tests strings, patterns, regexes, integers and files in bash', async () => {
    const sb = new Sandbox({ files: { 'f.txt': 'x' } });
    const run = async (cmd: string) => (await sb.run(cmd)).output;
    expect(await run('x=abc; [[ $x == a* ]] && echo glob')).toBe('glob\n');
    expect(await run('x=abc; [[ $x == "a*" ]] || echo quoted-is-literal')).toBe('quoted-is-literal\n');
    expect(await run('v="two words"; [[ $v = "two words" ]] && echo no-split')).toBe('no-split\n');
    expect(await run('[[ -z $unset && -n "x" ]] && echo empty-ok')).toBe('empty-ok\n');
    expect(await run('[[ 2 -lt 10 && ! ( a > b ) ]]; echo $?')).toBe('0\n');
    expect(await run('[[ "pod-7f9c" =~ ^pod-([0-9a-f]+)$ ]] && echo $BASH_REMATCH')).toBe('pod-7f9c\n');
    // Expected from GNU bash 5.2: the groups are elements 1…, a group that took no part is empty, no match empties the array.
    expect(await run('[[ mysql-2 =~ -([0-9]+)$ ]] && echo ${BASH_REMATCH[1]} ${#BASH_REMATCH[@]}')).toBe('2 2\n');
    expect(await run('[[ ab =~ a(x)?b ]]; echo "[${BASH_REMATCH[1]}]" ${#BASH_REMATCH[@]}')).toBe('[] 2\n');
    expect(await run('[[ x =~ y ]]; echo ${#BASH_REMATCH[@]}')).toBe('0\n');
    // POSIX bracket classes, as regcomp reads them (the replicated MySQL sidecar parses xtrabackup_binlog_info so).
    expect(await run('[[ "bin.000001 154" =~ ^(.*?)[[:space:]]+(.*?)$ ]] && echo "${BASH_REMATCH[1]}|${BASH_REMATCH[2]}"')).toBe('bin.000001|154\n');
    expect(await run('[[ -f f.txt && ! -d f.txt ]] && echo file')).toBe('file\n');
    expect(await run('[[ abc != abd ]]; echo $?')).toBe('0\n');
  });

  it('busybox ash has it; dash (Debian’s sh) does not', () => {
    const pod = testPod();
    const bb = pod.run('busybox:1.36', { name: 'bb', command: ['sleep', '3600'] });
    const r = pod.exec(bb, ['sh', '-c', 'x=web-1; if [[ $x == web-* ]]; then echo match; fi']);
    pod.clock.advance(10);
    expect(r.out.text).toBe('match\n');
    const deb = pod.run('debian:12', { name: 'deb', command: ['sleep', '3600'] });
    const d = pod.exec(deb, ['sh', '-c', '[[ 1 == 1 ]] && echo yes']);
    pod.clock.advance(10);
    const unknown = pod.exec(deb, ['sh', '-c', 'nosuchcmd']);
    pod.clock.advance(10);
    // Worded as dash's own "not found" for any other missing command.
    expect(d.err.text).toBe(unknown.err.text.replace('nosuchcmd', '[['));
    expect(d.proc.exitCode).toBe(127);
  });

  it('a malformed expression is a syntax error', async () => {
    const sb = new Sandbox();
    const r = await sb.run('[[ a == ]]');
    expect(r.exitCode).toBe(2);
    expect(r.output).toMatch(/syntax error/);
  });
});
