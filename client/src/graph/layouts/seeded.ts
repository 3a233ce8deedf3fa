// The same graph gives the same picture: the force layout (fcose) starts from random positions, so it runs with
// Math.random replaced by a generator seeded from the graph's node ids. fcose without animation runs to its end
// synchronously inside layout.run(), so the replacement is undone before anything else can draw a number.

/** A small, fast seeded generator (mulberry32) of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from strings (FNV-1a over them in sorted order), so the order they come in does not matter. */
export function seedOf(ids: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return h >>> 0;
}

/** Runs `work` (synchronous in what it draws) with Math.random seeded; Math.random is restored afterwards. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
