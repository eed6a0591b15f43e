/**
 * Detects one key pressed several times in quick succession: the keyboard trigger for quick
 * exit (Escape three times within 2 seconds). A repeat from a held-down key does not count,
 * so leaning on Escape does not fire it by accident.
 */
export interface RepeatedKeyOptions {
  key: string
  times: number
  withinMs: number
  now?: () => number
}

export function createRepeatedKey({ key, times, withinMs, now = () => performance.now() }: RepeatedKeyOptions) {
  let presses: number[] = []
  return function press(event: Pick<KeyboardEvent, 'key' | 'repeat'>): boolean {
    if (event.key !== key || event.repeat) return false
    const t = now()
    presses = [...presses.filter((p) => t - p <= withinMs), t]
    if (presses.length < times) return false
    presses = []
    return true
  }
}
