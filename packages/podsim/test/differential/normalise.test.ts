import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';

/** What a tab writer makes of `rows` (kubectl get pads 3, describe 2 under an indent). */
const tabWriter = (pad: number, indent: string, rows: string[][]): string => {
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  return rows.map((r) => indent + r.map((c, k) => (k < r.length - 1 ? c.padEnd(widths[k] + pad) : c)).join('')).join('\n') + '\n';
};
const table = (...rows: string[][]): string => tabWriter(3, '', rows);

describe('differential normalisation', () => {
  it('forgives ages and IPs of another width, re-laying out the table identically', () => {
    const ours = table(['NAME', 'READY', 'AGE', 'IP', 'NODE'], ['web', '1/1', '9s', '10.244.1.9', 'node01'], ['db', '1/1', '8s', '10.244.2.3', 'node02']);
    const real = table(['NAME', 'READY', 'AGE', 'IP', 'NODE'], ['web', '1/1', '10s', '10.244.1.10', 'node01'], ['db', '1/1', '9s', '10.244.2.3', 'node02']);
    expect(ours).not.toBe(real);
    expect(normalise(ours)).toBe(normalise(real));
    expect(normalise(ours)).toBe('NAME   READY   AGE     IP     NODE\nweb    1/1     <age>   <ip>   node01\ndb     1/1     <age>   <ip>   node02\n');
  });

  it('does not forgive padding, tabs or trailing spaces', () => {
    const good = table(['NAME', 'STATUS', 'AGE'], ['web', 'Running', '5s']);
    expect(normalise(good.replace('web    ', 'web  '))).not.toBe(normalise(good));
    expect(normalise(good.replace('web    ', 'web\t'))).not.toBe(normalise(good));
    expect(normalise(good.replace('5s', '5s '))).not.toBe(normalise(good));
    expect(normalise(good.replace('Running', 'Pending'))).not.toBe(normalise(good));
  });

  it('forgives event ages in a describe table but not spec durations', () => {
    const events = (age: string): string =>
      `Events:\n${tabWriter(2, '  ', [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------'], ['Normal', 'Scheduled', age, 'default-scheduler', 'Successfully assigned default/web to node01']])}`;
    expect(events('24h')).not.toBe(events('5m10s'));
    expect(normalise(events('24h'))).toBe(normalise(events('5m10s')));
    expect(normalise('    Liveness:  http-get http://:8081/ delay=10s timeout=1s\n')).toContain('delay=10s timeout=1s');
    expect(normalise('  Warning  BackOff  5s (x3 over 40s)  kubelet  Back-off\n')).toContain('(x3 over <age>)');
  });

  it('forgives generated names, UIDs and timestamps', () => {
    expect(normalise('pod/web-5d8f7c9b4-x7k2p created uid 0a1b2c3d-0000-4000-8000-0123456789ab at 2026-11-27T06:34:01Z\n')).toBe(
      'pod/web-<hash> created uid <uid> at <ts>\n',
    );
  });
});
