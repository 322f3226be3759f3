import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, GET_TABWRITER, TabWriter, tableCell } from './tabwriter.js';

const render = (text: string, opts = GET_TABWRITER) => {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
};

describe('TabWriter (get: minwidth 6, padding 3)', () => {
  it('pads every column to its widest cell plus 3, never the last cell', () => {
    expect(render('NAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\n')).toBe('NAME    READY   STATUS\nweb-1   1/1     Running\n');
  });
  it('applies the minimum width of 6 to narrow columns', () => {
    expect(render('A\tB\nx\ty\n')).toBe('A     B\nx     y\n');
  });
  it('counts runes, not UTF-16 units or bytes', () => {
    expect(render('é😀\tx\nab\ty\n')).toBe('é😀    x\nab    y\n');
  });
  it('passes text without a final newline through as the last cell', () => {
    expect(render('a\tb\nc')).toBe('a     b\nc');
  });
  it('remembers widths across flushes: later rows drift right, earlier ones stay', () => {
    const w = TabWriter.forGet();
    w.write('NAME\tSTATUS\tAGE\nnginx\tPending\t0s\n');
    expect(w.flush()).toBe('NAME    STATUS    AGE\nnginx   Pending   0s\n');
    w.write('nginx\tContainerCreating\t0s\n');
    expect(w.flush()).toBe('nginx   ContainerCreating   0s\n');
    w.write('nginx\tRunning\t3s\n');
    expect(w.flush()).toBe('nginx   Running             3s\n');
    expect(w.rememberedWidths).toEqual([8, 20]);
  });
});

describe('TabWriter (describe: padding 2, no minimum)', () => {
  it('aligns consecutive tabbed lines and restarts after a line without a tab', () => {
    const text = 'Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\n';
    expect(render(text, DESCRIBE_TABWRITER)).toBe(
      'Name:             web\nService Account:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\n',
    );
  });
  it('keeps the trailing space of condition rows', () => {
    expect(render('  Type\tStatus\n  Ready \tTrue \n', DESCRIBE_TABWRITER)).toBe('  Type    Status\n  Ready   True \n');
  });
  it('aligns a column only over lines that have it (nested blocks)', () => {
    expect(render('a\tb\tc\nlonger\td\nx\ty\tz\n', DESCRIBE_TABWRITER)).toBe('a       b  c\nlonger  d\nx       y  z\n');
  });
});

describe('table cells', () => {
  it('cut at the first line break with ... and escape terminal controls', () => {
    expect(tableCell('line1\nline2')).toBe('line1...');
    expect(tableCell('a\rb')).toBe('a...');
    expect(tableCell('\x1b[31mred')).toBe('^[[31mred');
  });
});

describe('TabWriter properties', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '-', 'Z', '1'), maxLength: 12 });
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 20 });

  it('never throws and keeps one output line per input line, cells in order', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (rows, describeStyle) => {
        const w = new TabWriter(describeStyle ? DESCRIBE_TABWRITER : GET_TABWRITER);
        w.write(rows.map((r) => r.join('\t') + '\n').join(''));
        const lines = w.flush().split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(rows.length);
        lines.forEach((line, i) => {
          expect(line.replace(/ /g, '')).toBe(rows[i].join('').replace(/ /g, ''));
          expect(line.startsWith(rows[i][0])).toBe(true);
          expect(line.endsWith(rows[i][rows[i].length - 1])).toBe(true);
        });
      }),
    );
  });

  it('with remembered widths, columns never move left between flushes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const w = TabWriter.forGet();
        let previous: number[] = [];
        for (const r of rows) {
          w.write(r.join('\t') + '\n');
          w.flush();
          const now = w.rememberedWidths;
          previous.forEach((width, i) => expect(now[i]).toBeGreaterThanOrEqual(width));
          previous = now;
        }
      }),
    );
  });
});
