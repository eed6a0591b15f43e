/** Median wall time of a synchronous step, for the in-memory view benchmarks. */

/** Runs `f` once to warm up, then `runs` times; the median of those, in ms. */
export function medianTime(f: () => void, runs: number): number {
  const ts: number[] = []
  f()
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    f()
    ts.push(performance.now() - s)
  }
  return ts.sort((a, b) => a - b)[runs >> 1] as number
}
