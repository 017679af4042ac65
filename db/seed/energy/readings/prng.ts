/**
 * Deterministic randomness for the demo readings: a seeded PRNG (mulberry32) and a string
 * hash (FNV-1a), so the same site, day and seed always give the same values. No Math.random.
 */

/** 32-bit FNV-1a hash of the parts joined with "|". */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join("|");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by the parts (one draw, no state). */
export function unitHash(...parts: (string | number)[]): number {
  return mulberry32(hashSeed(...parts))();
}

/** mulberry32: a small, fast PRNG with a 32-bit state; uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from two uniforms (Box–Muller). */
export function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
