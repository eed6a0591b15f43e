import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { closeBeforeQuit } from '../../../electron/close-before-quit.ts'

/** Electron's quit as far as this matters: it fires a cancellable will-quit, and ends unless cancelled. */
class QuitApp extends EventEmitter {
  ended = false
  quit(): void {
    let prevented = false
    this.emit('will-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) this.ended = true
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void
  let reject!: (e: Error) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

describe('quitting waits for the node to close', () => {
  it('holds the quit until the close ends, then quits once', async () => {
    const app = new QuitApp()
    const d = deferred()
    let closes = 0
    closeBeforeQuit(app, () => (closes++, d.promise))
    app.quit()
    app.quit() // a second Ctrl-Q while closing neither quits nor closes again
    await new Promise((r) => setTimeout(r, 20))
    expect(app.ended).toBe(false)
    d.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(app.ended).toBe(true)
    expect(closes).toBe(1)
  })

  it('quits after the bound when the close hangs, and after a close that fails', async () => {
    const hung = new QuitApp()
    closeBeforeQuit(hung, () => new Promise<void>(() => undefined), 30)
    hung.quit()
    expect(hung.ended).toBe(false)
    await new Promise((r) => setTimeout(r, 60))
    expect(hung.ended).toBe(true)

    const failing = new QuitApp()
    closeBeforeQuit(failing, () => Promise.reject(new Error('disk gone')))
    failing.quit()
    await new Promise((r) => setTimeout(r, 0))
    expect(failing.ended).toBe(true)
  })
})
