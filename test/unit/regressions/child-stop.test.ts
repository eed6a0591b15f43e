/**
 * A child asked to stop is waited for until it exits (test/helpers/child.ts endChild), the real
 * signal that it closed. Peer.stop, stopChild and the keeper's stop used to kill at a fixed 10, 3
 * and 15 s, so a close still flushing on a loaded machine was cut short mid-write (and a node
 * stopped with SIGTERM then exited by SIGKILL, not with code 0). Only a close that never ends is
 * killed, at the hang guard, and then the stop fails.
 */
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { endChild, spawnTs, type Child } from '../../helpers/child.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const children: Child[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.proc.kill('SIGKILL')
})

function script(body: string, opts: { stdin?: boolean } = {}): Child {
  const file = path.join(tempDir(), 'child.mjs')
  writeFileSync(file, body)
  const child = spawnTs(file, [], {}, opts)
  children.push(child)
  return child
}

describe('stopping a child', () => {
  it('waits for a close that takes longer than the old fixed kill, and the child exits by itself', async () => {
    const marker = path.join(tempDir(), 'closed')
    // Four seconds of waiting before the last write (past the 3-s kill stopChild had), no work.
    const child = script(`
      import { writeFileSync } from 'node:fs'
      process.on('SIGTERM', () => setTimeout(() => { writeFileSync(${JSON.stringify(marker)}, 'done'); process.exit(0) }, 4_000))
      console.log('ready'); setInterval(() => {}, 1_000)`)
    await child.waitForLine((l) => l === 'ready')
    await endChild(child, () => child.proc.kill('SIGTERM'))
    expect(await child.exited).toEqual({ code: 0, signal: null })
    expect(existsSync(marker)).toBe(true)
  })

  it('ends a peer-like child by closing its stdin', async () => {
    const child = script("process.stdin.resume(); process.stdin.on('end', () => process.exit(0)); console.log('ready')", { stdin: true })
    await child.waitForLine((l) => l === 'ready')
    await endChild(child, () => child.proc.stdin?.end())
    expect(await child.exited).toEqual({ code: 0, signal: null })
  })

  it('kills a child whose close never ends, at the hang guard, and the stop fails', async () => {
    const child = script("process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1_000)")
    await child.waitForLine((l) => l === 'ready')
    await expect(endChild(child, () => child.proc.kill('SIGTERM'), 1_000)).rejects.toThrow(/hang guard/)
    expect((await child.exited).signal).toBe('SIGKILL')
  })

  it('returns at once for a child that has already exited', async () => {
    const child = script('process.exit(0)')
    await child.exited
    await endChild(child, () => {
      throw new Error('nothing to ask')
    })
  })
})
