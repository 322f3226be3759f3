import { describe, expect, it } from 'vitest';
import { logText, testPod } from '../runtime/testing.js';

/**
 * Dates the runtimes print about themselves, per version: Ruby 3.2.2 was released on 2023-03-30 and
 * 2.7.8 the same day (ruby/www.ruby-lang.org _data/releases.yml); php:7.4.33 was first listed in
 * docker-library/official-images library/php on 2022-11-03, 8.3.1 on 2023-12-22.
 */
describe('runtime release data', () => {
  it.each([
    ['ruby:3.2.2', ['ruby', '-v'], /^ruby 3\.2\.2 \(2023-03-30 revision [0-9a-f]{10}\) \[x86_64-linux\]\n$/],
    ['ruby:2.7.8', ['ruby', '-v'], /^ruby 2\.7\.8 \(2023-03-30 /],
    ['php:7.4.33', ['php', '-v'], /^PHP 7\.4\.33 \(cli\) \(built: Nov {2}3 2022 \d\d:\d\d:\d\d\) \(NTS\)\n/],
    ['php:8.3.1', ['php', '-v'], /^PHP 8\.3\.1 \(cli\) \(built: Dec 22 2023 \d\d:\d\d:\d\d\) \(NTS\)\n/],
  ])('%s %j', (image, command, expected) => {
    const pod = testPod();
    const c = pod.run(image, { command });
    pod.clock.advance(100);
    expect(logText(c)).toMatch(expected);
  });
});
