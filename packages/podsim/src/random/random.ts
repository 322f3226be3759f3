/**
 * Seeded randomness for everything the cluster generates (names, UIDs, IPs, container IDs),
 * so that a seed and a script always give the same transcript.
 */

/** Alphabet of generated name suffixes (apimachinery util/rand): no vowels, no 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class Random {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: small, fast, and good enough for identifiers. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * Draws made while `fn` runs (by whoever holds this generator) come from `stream`, and this one goes
   * on afterwards where it was: what the cluster sets up for itself leaves the reader's identifiers as a seed gave them.
   */
  aside<T>(stream: Random, fn: () => T): T {
    const saved = this.state;
    this.state = stream.state;
    try {
      return fn();
    } finally {
      stream.state = this.state;
      this.state = saved;
    }
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  string(length: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  hex(length: number): string {
    return this.string(length, '0123456789abcdef');
  }

  /** generateName suffix as the API server makes it. */
  nameSuffix(): string {
    return this.string(5, NAME_SUFFIX_ALPHABET);
  }

  /** A version-4 UUID, as Kubernetes metadata.uid looks. */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(4)];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}
