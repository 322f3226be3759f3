import { describe, expect, it } from 'vitest';
import { logText, testPod } from '../../runtime/testing.js';
import { javaReleaseDate } from './java.js';

/**
 * Expected texts: `java -version` of Temurin builds as printed in public write-ups and tests
 * (8u432-b06, 11.0.18+10, 17.0.10+7, 21.0.4+7), and OpenJDK update release dates they show
 * (17.0.4 2022-07-19, 17.0.10 2024-01-16, 11.0.25 2024-10-15, 21.0.9 2025-10-21, 21.0.11 2026-04-21).
 */
function javaVersion(image: string, flag = '-version') {
  const pod = testPod();
  const c = pod.run(image, { command: ['java', flag] });
  pod.clock.advance(10);
  return logText(c);
}

describe('java -version per major', () => {
  it('OpenJDK update dates fall on the third Tuesday of each quarter after the feature release', () => {
    expect(javaReleaseDate(17, 4)).toBe('2022-07-19');
    expect(javaReleaseDate(17, 10)).toBe('2024-01-16');
    expect(javaReleaseDate(11, 25)).toBe('2024-10-15');
    expect(javaReleaseDate(21, 9)).toBe('2025-10-21');
    expect(javaReleaseDate(21, 11)).toBe('2026-04-21');
  });

  it('eclipse-temurin prints the three lines of its major', () => {
    expect(javaVersion('eclipse-temurin:8u432-b06-jdk')).toBe('openjdk version "1.8.0_432"\nOpenJDK Runtime Environment (Temurin)(build 1.8.0_432-b06)\nOpenJDK 64-Bit Server VM (Temurin)(build 25.432-b06, mixed mode)\n');
    expect(javaVersion('eclipse-temurin:11.0.18_10-jdk')).toBe('openjdk version "11.0.18" 2023-01-17\nOpenJDK Runtime Environment Temurin-11.0.18+10 (build 11.0.18+10)\nOpenJDK 64-Bit Server VM Temurin-11.0.18+10 (build 11.0.18+10, mixed mode)\n');
    expect(javaVersion('eclipse-temurin:17.0.10_7-jdk')).toBe('openjdk version "17.0.10" 2024-01-16\nOpenJDK Runtime Environment Temurin-17.0.10+7 (build 17.0.10+7)\nOpenJDK 64-Bit Server VM Temurin-17.0.10+7 (build 17.0.10+7, mixed mode, sharing)\n');
    expect(javaVersion('eclipse-temurin:21.0.4_7-jdk', '--version')).toBe('openjdk 21.0.4 2024-07-16 LTS\nOpenJDK Runtime Environment Temurin-21.0.4+7 (build 21.0.4+7-LTS)\nOpenJDK 64-Bit Server VM Temurin-21.0.4+7 (build 21.0.4+7-LTS, mixed mode, sharing)\n');
  });

  it('a tag naming only the major runs that major; java 8 has no --version', () => {
    expect(javaVersion('eclipse-temurin:17-jdk').split('\n')[0]).toMatch(/^openjdk version "17\.0\.\d+" \d{4}-\d\d-\d\d$/);
    expect(javaVersion('eclipse-temurin:8-jre', '--version')).toContain('Unrecognized option: --version\n');
    const pod = testPod();
    const c = pod.run('eclipse-temurin:21.0.4_7-jdk', { command: ['sh', '-c', 'echo $JAVA_VERSION $JAVA_HOME; command -v java'] });
    pod.clock.advance(10);
    expect(logText(c)).toBe('jdk-21.0.4+7 /opt/java/openjdk\n/opt/java/openjdk/bin/java\n');
  });
});
