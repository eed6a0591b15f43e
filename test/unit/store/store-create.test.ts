/**
 * A new profile's store appears whole or not at all (core/store/store-open.ts): a first start cut
 * off by a crash or power loss must never leave a `logs/` folder without RocksDB's CURRENT, which
 * every later open would rightly take for damage (found by the device-log crash test in CI).
 */
import { promises as fsp, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { LOG_STORE_DIR, LogStore } from '../../../core/store/log-store.ts'

const tempDir = useTempDirs()
const secret = new Uint8Array(32).fill(3)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('making a new store', () => {
  it('shows the logs folder only once CURRENT is in it', async () => {
    const profile = tempDir()
    const logs = path.join(profile, LOG_STORE_DIR)
    const seen: string[] = []
    const mkdir = fsp.mkdir.bind(fsp)
    const rename = fsp.rename.bind(fsp)
    vi.spyOn(fsp, 'mkdir').mockImplementation(async (p, o) => {
      if (path.resolve(String(p)) === logs) seen.push('mkdir logs')
      return mkdir(p, o)
    })
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      if (path.resolve(String(to)) === logs) seen.push(`rename into logs, CURRENT ${existsSync(path.join(String(from), 'db', 'CURRENT')) ? 'present' : 'absent'}`)
      return rename(from, to)
    })
    const store = await LogStore.open(profile, secret)
    await store.close()
    expect(seen).toEqual(['rename into logs, CURRENT present'])
    expect(existsSync(`${logs}.new`)).toBe(false)
  })

  it('makes the store again over what a cut-off first start left, and it works', async () => {
    const profile = tempDir()
    const leftover = path.join(profile, `${LOG_STORE_DIR}.new`, 'db')
    mkdirSync(leftover, { recursive: true })
    writeFileSync(path.join(leftover, 'LOCK'), '')
    writeFileSync(path.join(leftover, 'LOG'), 'half a start')
    const store = await LogStore.open(profile, secret)
    const log = await store.openDeviceLog('g.m1')
    expect(log.length).toBe(0)
    await store.close()
    expect(existsSync(path.join(profile, LOG_STORE_DIR, 'db', 'CURRENT'))).toBe(true)
    expect(existsSync(path.join(profile, `${LOG_STORE_DIR}.new`))).toBe(false)
    const again = await LogStore.open(profile, secret)
    expect(again.health.recordLost).toBe(false)
    await again.close()
  })
})
