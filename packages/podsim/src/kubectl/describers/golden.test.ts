/**
 * Golden files for `kubectl describe`: `golden/<case>.json` holds `{ resource, namespace, name, now,
 * objects }` (the whole store the describer may read, events included); the output must equal
 * `golden/<case>.txt` byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { fakeApi } from './fake-api.test-helper.js';
import { describe } from './index.js';

interface DescribeCase {
  resource: string;
  namespace: string;
  name: string;
  now: string;
  objects: Record<string, KubeObject[]>;
}

const dir = join(import.meta.dirname, 'golden');

suite('kubectl describe golden files', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(file.replace(/\.json$/, ''), () => {
      const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as DescribeCase;
      const result = describe(fakeApi(c.objects), c.resource, c.namespace, c.name, { now: Date.parse(c.now) });
      expect(result.ok ? result.value : result.status.message).toBe(readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8'));
    });
  }
});
