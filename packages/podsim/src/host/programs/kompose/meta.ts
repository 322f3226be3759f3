/** The parts every object kompose writes shares: Go's ObjectMeta field order and kompose's selector label. */
export type KObject = Record<string, unknown> & { kind: string; metadata: { name: string } };

const SELECTOR = 'io.kompose.service';

/** Go writes a map's keys sorted. */
export function sortedMap(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/** ObjectMeta as encoding/json writes it: `creationTimestamp: null` always, the namespace in its place when set later. */
export function meta(name: string, labels?: Record<string, string>, annotations?: Record<string, string>): Record<string, unknown> {
  return { name, namespace: undefined, creationTimestamp: null, labels: labels && sortedMap(labels), annotations };
}

export const selector = (name: string): Record<string, string> => ({ [SELECTOR]: name });
