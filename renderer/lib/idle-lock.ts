/**
 * Locks after a stretch without input. Each input only records the time (cheap enough for every
 * mouse move); a single timer wakes at the earliest moment the limit could be reached, and sleeps
 * again if there was input since. The clock is the page's own (Date.now and setTimeout), so a
 * browser test can move it forward instead of waiting minutes.
 */
export interface IdleLock {
  /** Input happened now. */
  touch(): void
  setLimit(ms: number): void
  stop(): void
}

export function createIdleLock(limitMs: number, onIdle: () => void): IdleLock {
  let limit = limitMs
  let last = Date.now()
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  function arm(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(check, Math.max(0, last + limit - Date.now()))
  }

  function check(): void {
    timer = null
    if (stopped) return
    if (Date.now() - last >= limit) {
      stopped = true
      onIdle()
    } else arm()
  }

  arm()
  return {
    touch() {
      last = Date.now()
    },
    setLimit(ms) {
      limit = ms
      if (!stopped) arm()
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
