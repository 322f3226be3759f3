/** The course's prose has none of the grammar slips retext sees (tests/docs/prose.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE_PAGES } from '../../src/course.js';
import { proseSlips } from './prose.js';

const DIR = new URL('../../content/docs/', import.meta.url);
const PAGES = readdirSync(DIR).filter((f) => /\.mdx?$/.test(f));

describe('course prose', () => {
  it.each(PAGES)('%s has no grammar slip', async (page) => {
    expect(await proseSlips(readFileSync(new URL(page, DIR), 'utf8'))).toEqual([]);
  });

  it.each(COURSE_PAGES)('%s: a slip put into its first paragraph is found at its line', async (slug) => {
    const lines = readFileSync(new URL(`${slug}.mdx`, DIR), 'utf8').split('\n');
    const body = lines.findIndex((l, i) => i > 0 && lines.slice(0, i).filter((x) => x === '---').length >= 2 && /^[A-Z][a-z]+ /.test(l));
    expect(body).toBeGreaterThan(0);
    lines[body] = `It is a error to say the the same thing. ${lines[body]}`;
    const slips = await proseSlips(lines.join('\n'));
    expect(slips).toEqual([
      `${body + 1}:7 Unexpected article \`a\` before \`error\`, expected \`an\``,
      `${body + 1}:22 Unexpected repeated \`the\`, remove one occurrence`,
    ]);
  });

  it('finds the kinds of slip it is for', async () => {
    const slips = await proseSlips('An pod is an unit.  Use the the ATM machine.\n');
    expect(slips.map((s) => s.replace(/^\d+:\d+ /, ''))).toEqual([
      'Unexpected article `An` before `pod`, expected `A`',
      'Unexpected article `an` before `unit`, expected `a`',
      'Unexpected 2 spaces between sentence, expected 1 space',
      'Unexpected repeated `the`, remove one occurrence',
      'Unexpected redundant `ATM machine`, expected `ATM`',
    ]);
  });
});
