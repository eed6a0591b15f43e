/**
 * Quitting waits for the node to close. Closing releases the store's lock, ends the sync
 * connections and writes what is due (the sealed local checkpoint, the own-log record); a quit that
 * did not wait could end the process halfway through those. Every acknowledged post is already on
 * disk, so the wait is bounded: a close that hangs (a stuck peer, a stalled disk) must never keep a
 * person from quitting, least of all after the quick exit.
 */
export const CLOSE_BOUND_MS = 10_000

interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

export function closeBeforeQuit(app: QuittingApp, close: () => Promise<void>, boundMs = CLOSE_BOUND_MS): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('will-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    let timer: NodeJS.Timeout | undefined
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)))
    void Promise.race([close().catch(() => undefined), bound]).then(() => {
      clearTimeout(timer)
      state = 'closed'
      app.quit()
    })
  })
}
