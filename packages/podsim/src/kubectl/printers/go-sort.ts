/**
 * Go's sort.Sort / sort.Slice (pattern-defeating quicksort, insertion sort for ≤ 12 elements), so
 * that ties and kubectl's inconsistent "missing value sorts first" comparators come out in exactly
 * the order kubectl prints. Not stable, on purpose. Models golang src/sort/zsortinterface.go.
 */

type Less = (i: number, j: number) => boolean;

const MAX_INSERTION = 12;

class Sorter<T> {
  constructor(
    private readonly a: T[],
    private readonly lessItems: (x: T, y: T) => boolean,
  ) {}

  less: Less = (i, j) => this.lessItems(this.a[i], this.a[j]);

  swap(i: number, j: number): void {
    const t = this.a[i];
    this.a[i] = this.a[j];
    this.a[j] = t;
  }

  insertion(lo: number, hi: number): void {
    for (let i = lo + 1; i < hi; i++) for (let j = i; j > lo && this.less(j, j - 1); j--) this.swap(j, j - 1);
  }

  private siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++;
      if (!this.less(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }

  heap(lo: number, hi: number): void {
    const n = hi - lo;
    for (let i = Math.trunc((n - 1) / 2); i >= 0; i--) this.siftDown(i, n, lo);
    for (let i = n - 1; i >= 0; i--) {
      this.swap(lo, lo + i);
      this.siftDown(0, i, lo);
    }
  }

  pdq(lo: number, hi: number, limit: number): void {
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = hi - lo;
      if (length <= MAX_INSERTION) {
        this.insertion(lo, hi);
        return;
      }
      if (limit === 0) {
        this.heap(lo, hi);
        return;
      }
      if (!wasBalanced) {
        this.breakPatterns(lo, hi);
        limit--;
      }
      let [pivot, hint] = this.choosePivot(lo, hi);
      if (hint === 'decreasing') {
        this.reverse(lo, hi);
        pivot = hi - 1 - (pivot - lo);
        hint = 'increasing';
      }
      if (wasBalanced && wasPartitioned && hint === 'increasing' && this.partialInsertion(lo, hi)) return;
      if (lo > 0 && !this.less(lo - 1, pivot)) {
        lo = this.partitionEqual(lo, hi, pivot);
        continue;
      }
      const [mid, already] = this.partition(lo, hi, pivot);
      wasPartitioned = already;
      const left = mid - lo;
      const right = hi - mid;
      const threshold = Math.trunc(length / 8);
      if (left < right) {
        wasBalanced = left >= threshold;
        this.pdq(lo, mid, limit);
        lo = mid + 1;
      } else {
        wasBalanced = right >= threshold;
        this.pdq(mid + 1, hi, limit);
        hi = mid;
      }
    }
  }

  private partition(lo: number, hi: number, pivot: number): [number, boolean] {
    this.swap(lo, pivot);
    let i = lo + 1;
    let j = hi - 1;
    while (i <= j && this.less(i, lo)) i++;
    while (i <= j && !this.less(j, lo)) j--;
    if (i > j) {
      this.swap(j, lo);
      return [j, true];
    }
    this.swap(i++, j--);
    for (;;) {
      while (i <= j && this.less(i, lo)) i++;
      while (i <= j && !this.less(j, lo)) j--;
      if (i > j) break;
      this.swap(i++, j--);
    }
    this.swap(j, lo);
    return [j, false];
  }

  private partitionEqual(lo: number, hi: number, pivot: number): number {
    this.swap(lo, pivot);
    let i = lo + 1;
    let j = hi - 1;
    for (;;) {
      while (i <= j && !this.less(lo, i)) i++;
      while (i <= j && this.less(lo, j)) j--;
      if (i > j) return i;
      this.swap(i++, j--);
    }
  }

  private partialInsertion(lo: number, hi: number): boolean {
    const maxSteps = 5;
    const shortestShifting = 50;
    let i = lo + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < hi && !this.less(i, i - 1)) i++;
      if (i === hi) return true;
      if (hi - lo < shortestShifting) return false;
      this.swap(i, i - 1);
      if (i - lo >= 2) {
        for (let j = i - 1; j >= 1 && this.less(j, j - 1); j--) this.swap(j, j - 1);
      }
      if (hi - i >= 2) {
        for (let j = i + 1; j < hi && this.less(j, j - 1); j++) this.swap(j, j - 1);
      }
    }
    return false;
  }

  private breakPatterns(lo: number, hi: number): void {
    const length = hi - lo;
    if (length < 8) return;
    let random = BigInt(length);
    const mask64 = (1n << 64n) - 1n;
    const modulus = 2 ** bitLength(length);
    const next = () => {
      random ^= (random << 13n) & mask64;
      random ^= random >> 7n;
      random ^= (random << 17n) & mask64;
      return random;
    };
    const base = lo + Math.trunc(length / 4) * 2;
    for (let idx = base - 1; idx <= base + 1; idx++) {
      let other = Number(next() & BigInt(modulus - 1));
      if (other >= length) other -= length;
      this.swap(idx, lo + other);
    }
  }

  private choosePivot(lo: number, hi: number): [number, 'increasing' | 'decreasing' | 'unknown'] {
    const l = hi - lo;
    const swaps = { n: 0 };
    const quarter = Math.trunc(l / 4);
    let i = lo + quarter;
    let j = lo + quarter * 2;
    let k = lo + quarter * 3;
    if (l >= 8) {
      if (l >= 50) {
        i = this.median(i - 1, i, i + 1, swaps);
        j = this.median(j - 1, j, j + 1, swaps);
        k = this.median(k - 1, k, k + 1, swaps);
      }
      j = this.median(i, j, k, swaps);
    }
    return [j, swaps.n === 0 ? 'increasing' : swaps.n === 12 ? 'decreasing' : 'unknown'];
  }

  private median(a: number, b: number, c: number, swaps: { n: number }): number {
    const order = (x: number, y: number): [number, number] => {
      if (this.less(y, x)) {
        swaps.n++;
        return [y, x];
      }
      return [x, y];
    };
    [a, b] = order(a, b);
    [b] = order(b, c);
    [, b] = order(a, b);
    return b;
  }

  private reverse(lo: number, hi: number): void {
    for (let i = lo, j = hi - 1; i < j; i++, j--) this.swap(i, j);
  }
}

function bitLength(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log2(n)) + 1;
}

/** A sorted copy of `items`, in the exact order Go's sort.Sort with this `less` produces. */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const a = [...items];
  if (a.length > 1) new Sorter(a, less).pdq(0, a.length, bitLength(a.length));
  return a;
}
