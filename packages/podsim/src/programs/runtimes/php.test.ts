import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../kernel/signals.js';
import { exitOf, logText, testPod } from '../../runtime/testing.js';

/**
 * Expected outputs follow the PHP manual: echo writes its arguments without separators, `.` joins
 * strings, "$x" interpolates, for/foreach/while as in C; `php -v` names the Zend Engine of the
 * release line (PHP 8.x runs Zend Engine 4.x, 7.x runs 3.x); a parse error exits 255.
 */
function php(code: string, tag = '8.3', ms = 100) {
  const pod = testPod();
  const c = pod.run(`php:${tag}`, { command: ['php', '-r', code] });
  pod.clock.advance(ms);
  return { pod, c, log: logText(c), exit: exitOf(c)?.exitCode };
}

describe('php -r', () => {
  it('echo, variables, concatenation, interpolation, arithmetic and loops', () => {
    expect(php('echo "hello", " ", "world", PHP_EOL;').log).toBe('hello world\n');
    expect(php('$x = 6 * 7; echo "answer: $x\\n"; echo "n=" . ($x + 1) . "\\n";').log).toBe('answer: 42\nn=43\n');
    expect(php('for ($i = 0; $i < 3; $i++) { echo $i; } echo PHP_EOL;').log).toBe('012\n');
    expect(php('foreach (range(1, 3) as $n) { echo $n * $n, "\\n"; }').log).toBe('1\n4\n9\n');
    expect(php('$s = "a"; $s .= "b"; $i = 0; while ($i < 2) { $i++; if ($i == 1) { echo "one"; } elseif ($i == 2) { echo "two"; } } echo $s, "\n";').log).toBe('onetwoab\n');
  });

  it('sleep in a loop takes virtual time; getenv and file_put_contents; exit sets the status', () => {
    const { pod, c } = php('while (true) { echo "tick\\n"; sleep(1); }', '8.3', 2500);
    expect(logText(c)).toBe('tick\ntick\ntick\n');
    c.kill(SIGNALS.SIGKILL);
    pod.clock.advance(10);
    expect(exitOf(c)).toMatchObject({ exitCode: 137 });
    const r = php('file_put_contents("/tmp/f", getenv("HOME")); echo file_get_contents("/tmp/f"), PHP_EOL; exit(3);');
    expect(r.log).toBe('/root\n');
    expect(r.exit).toBe(3);
  });

  it('outside the subset: a PHP error and status 255; php -v names the Zend Engine of the release', () => {
    const r = php('function f() {}');
    expect(r.exit).toBe(255);
    expect(php('nope();').log).toBe('PHP Fatal error:  Uncaught Error: Call to undefined function nope() in Command line code on line 1\n');
    const pod = testPod();
    const v = pod.run('php:8.2.27', { command: ['php', '-v'] });
    const old = pod.run('php:7.4.33', { name: 'old', command: ['php', '-v'] });
    pod.clock.advance(10);
    expect(logText(v).split('\n')[0]).toMatch(/^PHP 8\.2\.27 \(cli\) \(built: .*\) \(NTS\)$/);
    expect(logText(v)).toContain('\nZend Engine v4.2.27, Copyright (c) Zend Technologies\n');
    expect(logText(old)).toContain('\nZend Engine v3.4.0, Copyright (c) Zend Technologies\n');
  });
});
