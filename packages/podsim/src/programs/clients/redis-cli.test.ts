/**
 * redis-cli against the simulated redis-server. Expected replies: the redis command reference
 * (redis.io/docs/latest/commands: SET/GET/INCR/RPUSH/LRANGE examples) and redis-cli's documented
 * output (formatted on a terminal, raw into a pipe).
 */
import { describe, expect, it } from 'vitest';
import { testPod } from '../../runtime/testing.js';

describe('redis-cli', () => {
  it('runs the command reference’s examples against the server, raw into a pipe', () => {
    const pod = testPod();
    const c = pod.run('redis:7');
    const cli = (...argv: string[]) => pod.exec(c, ['redis-cli', ...argv]);
    expect(cli('SET', 'mykey', 'Hello').out.text).toBe('OK\n');
    expect(cli('GET', 'mykey').out.text).toBe('Hello\n');
    expect(cli('SET', 'counter', '10').out.text).toBe('OK\n');
    expect(cli('INCR', 'counter').out.text).toBe('11\n');
    expect(cli('GET', 'nosuchkey').out.text).toBe('\n');
    expect(cli('RPUSH', 'job2', 'apple', 'banana').out.text).toBe('2\n');
    expect(cli('LRANGE', 'job2', '0', '-1').out.text).toBe('apple\nbanana\n');
  });

  it('formats replies on a terminal and reads commands at its prompt', () => {
    const pod = testPod();
    const c = pod.run('redis:7');
    const out = pod.exec(c, ['sh', '-c', 'printf "set a 1\\nincr a\\nget a\\nget b\\nkeys *\\nincr x y\\nfoo bar\\n" | redis-cli --no-raw']);
    pod.clock.advance(10);
    expect(out.out.text).toBe(
      'OK\n(integer) 2\n"2"\n(nil)\n1) "a"\n(error) ERR wrong number of arguments for \'incr\' command\n' + "(error) ERR unknown command 'foo', with args beginning with: 'bar' \n",
    );
  });

  it('reports a server that is not there, and a command the server rejects, with status 1', () => {
    const pod = testPod();
    const c = pod.run('redis:7');
    const refused = pod.exec(c, ['redis-cli', '-p', '6380', 'ping']);
    expect(refused.out.text).toBe('Could not connect to Redis at 127.0.0.1:6380: Connection refused\n');
    expect(refused.proc.exitCode).toBe(1);
    const unknown = pod.exec(c, ['redis-cli', '-h', 'nosuchhost', 'ping']);
    expect(unknown.out.text).toBe('Could not connect to Redis at nosuchhost:6379: Name or service not known\n');
    const wrong = pod.exec(c, ['sh', '-c', 'redis-cli set s x >/dev/null; redis-cli incr s; echo $?']);
    pod.clock.advance(10);
    expect(wrong.out.text).toBe('ERR value is not an integer or out of range\n1\n');
  });
});
