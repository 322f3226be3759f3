/**
 * LimitRanges as kubectl describes them (describe.go describeLimitRange, and DescribeLimitRanges for a
 * namespace): one row per item and resource. Go ranges over the resource set in random order; rows are
 * printed by resource name here.
 */
import type { LimitRange } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity } from '../../format/quantity.js';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';

const HEADER = 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n';
const RULE = '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n';

/** The rows of one LimitRange, each line after `indent`. */
function writeRows(w: PrefixWriter, lr: LimitRange, indent: string): void {
  for (const item of lr.spec?.limits ?? []) {
    const columns = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = [...new Set(columns.flatMap((c) => Object.keys(c ?? {})))].sort();
    for (const name of names) {
      const cells = columns.map((c) => (c?.[name] === undefined ? '-' : formatQuantity(parseQuantity(c[name]))));
      w.write(LEVEL_0, `${indent}${item.type}\t${name}\t${cells.join('\t')}\n`);
    }
  }
}

export function describeLimitRange(lr: LimitRange): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, HEADER);
  w.write(LEVEL_0, RULE);
  writeRows(w, lr, '');
  return w.toString();
}

/** The namespace's `Resource Limits` section (DescribeLimitRanges). */
export function describeNamespaceLimits(w: PrefixWriter, ranges: LimitRange[]): void {
  if (!ranges.length) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, `Resource Limits\n ${HEADER}`);
  w.write(LEVEL_0, ` ${RULE}`);
  for (const lr of ranges) writeRows(w, lr, ' ');
}
