import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../kernel/signals.js';
import { exitOf, logText, testPod } from '../../runtime/testing.js';

/**
 * Expected outputs follow the Ruby documentation: Kernel#puts writes each argument (arrays
 * flattened) on its own line, Kernel#p writes #inspect, Integer#/ rounds towards minus infinity,
 * Integer#times yields 0...n, NameError's message for an unknown name; `ruby -v` shows +PRISM from
 * 3.4 on, where Prism became the default parser.
 */
function ruby(code: string, tag = '3.3', ms = 100) {
  const pod = testPod();
  const c = pod.run(`ruby:${tag}`, { command: ['ruby', '-e', code] });
  pod.clock.advance(ms);
  return { pod, c, log: logText(c), exit: exitOf(c)?.exitCode };
}

describe('ruby -e', () => {
  it('puts, print and p; arithmetic with integer division; interpolation', () => {
    expect(ruby('puts "hello"; print "a", "b"; print "\\n"; p "q", 3').log).toBe('hello\nab\n"q"\n3\n');
    expect(ruby('puts 7 / 2, -7 / 2, 7 % 3, 2 ** 10, 10 / 4.0').log).toBe('3\n-4\n1\n1024\n2.5\n');
    expect(ruby('x = 6 * 7; puts "answer: #{x} (#{x.class})"; puts [1, [2, 3]]; puts').log).toBe('answer: 42 (Integer)\n1\n2\n3\n\n');
    expect(ruby("puts 'no #{interpolation}'").log).toBe('no #{interpolation}\n');
    expect(ruby('puts 4.0, 2.5 * 2, 3.to_f / 2, (2.0).class, 7.0.round').log).toBe('4.0\n5.0\n1.5\nFloat\n7\n');
  });

  it('loops: times, each over a range, while, until, loop with break, modifiers', () => {
    expect(ruby('3.times { |i| puts i }').log).toBe('0\n1\n2\n');
    expect(ruby('(1..3).each do |n|\n  puts n * n\nend').log).toBe('1\n4\n9\n');
    expect(ruby('i = 0; while i < 3 do i += 1; print i end; puts').log).toBe('123\n');
    expect(ruby('i = 5; until i == 2; i -= 1; end; puts i').log).toBe('2\n');
    expect(ruby('n = 0; loop do n += 1; next if n.odd?; puts n; break if n >= 4; end').log).toBe('2\n4\n');
    expect(ruby('[3, 1, 2].sort.each_with_index { |x, i| puts "#{i}:#{x}" }').log).toBe('0:1\n1:2\n2:3\n');
    expect(ruby('if 1 > 2 then puts "a" elsif 2 > 1 then puts "b" else puts "c" end').log).toBe('b\n');
  });

  it('sleep takes virtual time; ENV and File.write; exit sets the status', () => {
    const { pod, c } = ruby('loop do puts "tick"; sleep 1; end', '3.3', 2500);
    expect(logText(c)).toBe('tick\ntick\ntick\n');
    c.kill(SIGNALS.SIGINT);
    pod.clock.advance(10);
    expect(exitOf(c)).toMatchObject({ exitCode: 130 });
    const files = ruby('File.write("/tmp/out", "v=#{ENV["HOME"]}"); puts File.read("/tmp/out"); puts ENV.fetch("NOPE", "dflt"); exit 3');
    expect(files.log).toBe('v=/root\ndflt\n');
    expect(files.exit).toBe(3);
  });

  it('outside the subset: an honest error and status 1; unknown names as NameError per version', () => {
    const r = ruby('def f; end');
    expect(r.exit).toBe(1);
    expect(r.log).toContain("'def' is outside what this sandbox's ruby runs");
    expect(ruby('puts nope', '3.3').log).toBe("-e:1:in `<main>': undefined local variable or method `nope' for main:Object (NameError)\n");
    expect(ruby('puts nope', '3.4').log).toBe("-e:1:in '<main>': undefined local variable or method 'nope' for main (NameError)\n");
    expect(ruby('puts 1 / 0').exit).toBe(1);
  });

  it('ruby -v names the version; +PRISM from 3.4', () => {
    const v = (tag: string) => {
      const pod = testPod();
      const c = pod.run(`ruby:${tag}`, { command: ['ruby', '-v'] });
      pod.clock.advance(10);
      return logText(c);
    };
    expect(v('3.3.6')).toMatch(/^ruby 3\.3\.6 \(\d{4}-\d\d-\d\d revision [0-9a-f]{10}\) \[x86_64-linux\]\n$/);
    expect(v('3.4')).toMatch(/^ruby 3\.4\.\d+ \(.*\) \+PRISM \[x86_64-linux\]\n$/);
  });
});
