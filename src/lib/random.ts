/**
 * A seeded pseudo-random generator, so that figures rendered at build time equal their
 * hydrated selves and every experiment can be rerun from its seed. The platform's unseeded generator is never
 * used in `src/lib`.
 */

/** A stream of random numbers from a fixed seed. */
export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
}

/** Mixes a 32-bit seed into the generator's 128-bit state (splitmix32). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through splitmix32.
 * Fast, passes PractRand, and has a period of at least 2^32.
 */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const nextUint = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so that nearby seeds give unrelated streams.
  for (let i = 0; i < 12; i++) nextUint();

  let spare = Number.NaN;
  const next = (): number => nextUint() / 4294967296;
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      // Box–Muller; both values of each pair are used.
      if (!Number.isNaN(spare)) {
        const value = spare;
        spare = Number.NaN;
        return value;
      }
      const u = 1 - next(); // (0, 1], so the log is finite
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
  };
}
