/**
 * Splittable, seeded PRNG (docs/ARCHITECTURE.md convention 7). One seed gives a root `Rng`; `split(label)` derives
 * an independent child stream deterministically (JAX-style key splitting), so each run, round, seed
 * and population draw has its own stream and results never depend on call order elsewhere.
 *
 * Generator: sfc32 (Small Fast Counting, 128-bit state), seeded from a 64-bit key through a
 * splitmix32-style mixer. Statistically solid for simulation; not cryptographic.
 */

/** 32-bit finaliser (murmur3 fmix32): good avalanche for mixing keys and labels. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

export type RngKey = readonly [number, number];

export class Rng {
  readonly key: RngKey;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seedOrKey: number | RngKey) {
    const key: RngKey =
      typeof seedOrKey === 'number'
        ? [fmix32((seedOrKey >>> 0) ^ 0x9e3779b9), fmix32(Math.floor(seedOrKey / 2 ** 32) ^ 0x7f4a7c15)]
        : [seedOrKey[0] >>> 0, seedOrKey[1] >>> 0];
    this.key = key;
    this.a = key[0];
    this.b = key[1];
    this.c = fmix32(key[0] ^ 0xdeadbeef);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm-up, as recommended for sfc32
  }

  /** Independent child stream for `label` (a string such as "round" or an index). Does not advance this stream. */
  split(label: string | number): Rng {
    const l = typeof label === 'number' ? fmix32(label ^ 0x632be5ab) : hashString(label);
    return new Rng([fmix32(this.key[0] ^ l), fmix32(this.key[1] + Math.imul(l, 0x9e3779b1))]);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniformRange(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (n <= 0) throw new Error(`Rng.int: n must be positive, got ${n}`);
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (this.spareNormal !== null) {
      const s = this.spareNormal;
      this.spareNormal = null;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    return u * m;
  }

  /** Normal truncated to [lo, hi] standard deviations (rejection), as flax's truncated_normal. */
  truncatedNormal(lo = -2, hi = 2): number {
    for (;;) {
      const z = this.normal();
      if (z >= lo && z <= hi) return z;
    }
  }

  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i];
      arr[i] = arr[j];
      arr[j] = tmp;
    }
    return arr;
  }

  /** A random permutation of 0…n−1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /** `k` distinct indices from 0…n−1, uniformly without replacement (partial Fisher–Yates). */
  sampleWithoutReplacement(n: number, k: number): Int32Array {
    if (k > n) throw new Error(`cannot draw ${k} of ${n} without replacement`);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p.slice(0, k);
  }

  /** A 31-bit integer seed, e.g. for libraries that take a numeric seed. */
  seed31(): number {
    return this.nextUint32() >>> 1;
  }
}
