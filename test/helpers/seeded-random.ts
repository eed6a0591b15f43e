/**
 * A seeded, reproducible random source for tests (sfc32 seeded through splitmix32).
 * Never used for keys in production code: only to make test inputs repeatable. A failing
 * test prints its seed, and the same seed replays the same inputs.
 */
export interface SeededRandom {
  readonly seed: number
  /** uniform in [0, 1) */
  next(): number
  /** integer in [min, max] */
  int(min: number, max: number): number
  bytes(n: number): Uint8Array
  pick<T>(items: readonly T[]): T
}

function splitmix32(a: number): () => number {
  return () => {
    a |= 0
    a = (a + 0x9e3779b9) | 0
    let t = a ^ (a >>> 16)
    t = Math.imul(t, 0x21f0aaad)
    t ^= t >>> 15
    t = Math.imul(t, 0x735a2d97)
    return (t ^ (t >>> 15)) >>> 0
  }
}

export function seededRandom(seed: number): SeededRandom {
  const init = splitmix32(seed)
  let a = init(), b = init(), c = init(), d = init()
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  const next = (): number => u32() / 4294967296
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bytes(n) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i++) out[i] = u32() & 0xff
      return out
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
  }
}

/** The seed for this run: HEARTH_TEST_SEED if set (to replay a failure), else a fixed default. */
export function testSeed(fallback = 0x5eed): number {
  const env = process.env.HEARTH_TEST_SEED
  return env ? Number(env) : fallback
}
