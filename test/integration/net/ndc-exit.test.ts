/**
 * A process that used node-datachannel ends by itself once its peer connections are closed
 * (core/net/webrtc/ndc-peers.ts): a data channel that never opened, dropped with its connection,
 * used to hold the event loop open for good (a `hearth serve` that lived on after it stopped,
 * caught with async_hooks: two thread-safe callbacks, made at createDataChannel and onOpen).
 * Each case runs in its own process, which must exit with code 0 and no process.exit().
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'

const CHILD = fileURLToPath(new URL('./ndc-exit.child.ts', import.meta.url))

describe('node-datachannel peers let the process end', () => {
  it.each([['unanswered'], ['opened']])('after a channel that was %s, once closed', async (mode) => {
    const child = spawnTs(CHILD, [mode])
    // A hang guard only: the child's own work is a few hundred milliseconds.
    const guard = setTimeout(() => child.proc.kill('SIGKILL'), 30_000)
    const exited = await child.exited
    clearTimeout(guard)
    expect(child.lines, child.stderr()).toContain('closed')
    expect(exited, `the process did not end by itself; stderr: ${child.stderr()}`).toEqual({ code: 0, signal: null })
  }, 60_000)
})
