/**
 * Golden files for `kubectl get` tables: every `golden/<case>.json` is printed and compared byte
 * for byte with `golden/<case>.txt`. A case is a sequence of print calls through one TablePrinter
 * (several calls = watch mode, widths remembered):
 * `{ resource, options?, calls: [{ now, objects, event? }] }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.js';
import { TablePrinter, type TablePrinterOptions, type WatchEventType } from './table-printer.js';
import { tableFor } from './index.js';

interface GetCase {
  resource: string;
  options?: TablePrinterOptions;
  calls: { now: string; objects: KubeObject[]; event?: WatchEventType }[];
}

const dir = join(import.meta.dirname, 'golden');

describe('kubectl get golden files', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(file.replace(/\.json$/, ''), () => {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GetCase;
      const printer = new TablePrinter(c.options ?? {});
      const out = c.calls.map((call) => printer.print(tableFor(c.resource, call.objects, { now: Date.parse(call.now) }), call.event)).join('');
      expect(out).toBe(readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8'));
    });
  }
});
