import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.js';

/** Pasting a page's multi-line command: bash asks for more (PS2) and runs it whole. */
function paste(sb: Sandbox, text: string): string {
  const lines = text.split('\n');
  for (const l of lines.slice(0, -1)) sb.write(l + '\r');
  return sb.runLine(lines[lines.length - 1]).output;
}

describe('continuation lines typed at the terminal', () => {
  it('joins a backslash-newline with the next line', () => {
    const sb = new Sandbox({});
    expect(paste(sb, 'echo one \\\n  two')).toBe('one two\n');
  });

  it('an escaped backslash at the end of a line does not continue it', () => {
    const sb = new Sandbox({});
    expect(sb.runLine('echo a\\\\').output).toBe('a\\\n');
  });
});
