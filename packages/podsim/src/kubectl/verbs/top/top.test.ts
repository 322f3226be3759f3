/** kubectl top without a metrics server: texts as kubectl 1.32 prints them (checked in the differential suite). */
import { describe, expect, it } from 'vitest';
import { hostWithServer } from '../../testing.js';

describe('kubectl top', () => {
  it("checks its arguments in kubectl's order before finding no metrics API", () => {
    const { host } = hostWithServer();
    const err = (...args: string[]) => host.run(['top', ...args]).stderr;
    expect(host.run(['top', 'pod'])).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics API not available\n' });
    expect(err('pods', 'a', 'b', '--sort-by=disk')).toBe("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n");
    expect(err('po', '--sort-by=disk', 'a', '-l', 'x=y')).toBe('error: --sort-by accepts only cpu or memory\n');
    expect(err('pod', 'a', '--field-selector=a=b')).toBe('error: only one of NAME or selector can be provided\n');
    expect(err('node', 'a', '-l', 'x=y')).toBe('error: only one of NAME or --selector can be provided\n');
    expect(err('pod', '-l', 'app in (')).toBe("error: unable to parse requirement: found '', expected: ',', ')' or identifier\n");
    expect(err('nodes', '--show-capacity', '--sort-by=memory')).toBe('error: Metrics API not available\n');
  });
});
