import { describe, expect, it } from 'vitest';
import { exitOf, logText, testPod } from '../runtime/testing.js';

// docker-library/bash: docker-entrypoint.sh runs bash for options or no arguments, anything else as given.
describe('bash image', () => {
  it('runs bash -c as the Indexed Job page does; other commands as given', () => {
    const pod = testPod();
    const c = pod.run('docker.io/library/bash', { name: 'b', command: ['bash', '-c', 'echo index $JOB_COMPLETION_INDEX'], env: { JOB_COMPLETION_INDEX: '4' } });
    const opts = pod.run('bash:5.2', { name: 'o', args: ['-c', 'echo $0'] });
    const other = pod.run('bash:5.2', { name: 'e', args: ['echo', 'hi'] });
    pod.clock.advance(100);
    expect(logText(c)).toBe('index 4\n');
    expect(exitOf(c)).toMatchObject({ exitCode: 0 });
    expect(logText(opts)).toBe('bash\n');
    expect(logText(other)).toBe('hi\n');
  });
});
