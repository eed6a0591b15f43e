import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { decodeLogLengths, encodeLogLengths, LogLengths, logLengthsKey, LOG_LENGTHS_FILE, readLogLengths } from '../../../core/store/log-lengths.ts'
import { OwnLogGuard } from '../../../core/store/own-log-guard.ts'
import { HearthError } from '../../../core/errors.ts'
import { storeId } from '../../../core/store/store-open.ts'

const tempDir = useTempDirs()
const key = logLengthsKey(new Uint8Array(32).fill(7))
const A = 'aa'.repeat(32)

function codeOf(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return e instanceof HearthError ? e.code : 'NOT_CODED'
  }
}

describe('the own-log record', () => {
  it('round-trips, and refuses another key or any altered byte with LOG_CORRUPT', () => {
    const f = { storeId: '12345', logs: new Map([[A, { length: 7, unconfirmed: true }]]) }
    const sealed = encodeLogLengths(f, key)
    expect(decodeLogLengths(sealed, key)).toEqual(f)
    expect(codeOf(() => decodeLogLengths(sealed, logLengthsKey(new Uint8Array(32).fill(8))))).toBe('LOG_CORRUPT')
    for (let i = 0; i < sealed.length; i += 5) {
      const bad = sealed.slice()
      bad[i] = (bad[i] as number) ^ 1
      expect(codeOf(() => decodeLogLengths(bad, key))).toBe('LOG_CORRUPT')
    }
    expect(codeOf(() => decodeLogLengths(sealed.subarray(0, 20), key))).toBe('LOG_CORRUPT')
  })

  it('keeps a damaged record aside, byte for byte, instead of writing over it', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, LOG_LENGTHS_FILE), 'garbage')
    const r = await readLogLengths(dir, key)
    expect(r.state).toBe('damaged')
    const aside = readdirSync(dir).find((f) => f.startsWith(`${LOG_LENGTHS_FILE}.damaged-`)) as string
    expect(readFileSync(path.join(dir, aside), 'utf8')).toBe('garbage')
    const folder = tempDir()
    mkdirSync(path.join(folder, LOG_LENGTHS_FILE))
    expect((await readLogLengths(folder, key)).state).toBe('damaged')
    expect(await readLogLengths(tempDir(), key)).toEqual({ state: 'none' })
  })

  it('notes lengths durably, never lowers one, and coalesces bursts into few writes', async () => {
    const dir = tempDir()
    const rec = LogLengths.at(dir, key, { storeId: '1', logs: new Map() })
    await Promise.all(Array.from({ length: 50 }, (_, i) => rec.note(A, i + 1)))
    await rec.note(A, 3)
    const back = await readLogLengths(dir, key)
    expect(back.state === 'ok' && back.file.logs.get(A)).toEqual({ length: 50, unconfirmed: false })
  })
  it('durable() resolves once a write holds every noted length, and refuses with STORE_UNAVAILABLE when none can', async () => {
    const dir = tempDir()
    const rec = LogLengths.at(dir, key, { storeId: '1', logs: new Map() })
    for (let i = 1; i <= 20; i++) void rec.note(A, i)
    await rec.durable()
    const back = await readLogLengths(dir, key)
    expect(back.state === 'ok' && back.file.logs.get(A)?.length).toBe(20)
    expect(rec.changes).toBe(20)
    // The record's path taken by a folder: the write fails, and so does the acknowledgement.
    rmSync(path.join(dir, LOG_LENGTHS_FILE))
    mkdirSync(path.join(dir, LOG_LENGTHS_FILE))
    void rec.note(A, 21)
    await expect(rec.durable()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
    // Once the path is free again, durable() tries the record once more and it holds.
    rmSync(path.join(dir, LOG_LENGTHS_FILE), { recursive: true })
    await rec.durable()
    const again = await readLogLengths(dir, key)
    expect(again.state === 'ok' && again.file.logs.get(A)?.length).toBe(21)
  })
})

describe('the own-log guard', () => {
  const core = (length: number, peers: { remoteLength: number; remoteSynced?: boolean }[] = []) => ({ length, peers }) as never

  it('refuses to append while the log is shorter than recorded or than a peer holds (LOG_BEHIND)', () => {
    const rec = LogLengths.at(tempDir(), key, { storeId: '1', logs: new Map([[A, { length: 5, unconfirmed: false }]]) })
    const g = new OwnLogGuard(rec, A)
    expect(codeOf(() => g.beforeAppend(core(3)))).toBe('LOG_BEHIND')
    expect(codeOf(() => g.beforeAppend(core(5)))).toBeNull()
    expect(codeOf(() => g.beforeAppend(core(5, [{ remoteLength: 9, remoteSynced: true }])))).toBe('LOG_BEHIND')
    // A peer that has not said its length yet is not taken at its zero.
    expect(codeOf(() => g.beforeAppend(core(5, [{ remoteLength: 0, remoteSynced: false }])))).toBeNull()
  })

  it('holds an unconfirmed log until a peer has answered, then confirms it for good', async () => {
    const rec = LogLengths.at(tempDir(), key, { storeId: '1', logs: new Map([[A, { length: 2, unconfirmed: true }]]) })
    const g = new OwnLogGuard(rec, A)
    expect(codeOf(() => g.beforeAppend(core(2)))).toBe('LOG_UNCONFIRMED')
    expect(codeOf(() => g.beforeAppend(core(2, [{ remoteLength: 0, remoteSynced: false }])))).toBe('LOG_UNCONFIRMED')
    expect(codeOf(() => g.beforeAppend(core(2, [{ remoteLength: 4, remoteSynced: true }])))).toBe('LOG_BEHIND')
    expect(codeOf(() => g.beforeAppend(core(4, [{ remoteLength: 4, remoteSynced: true }])))).toBeNull()
    expect(codeOf(() => g.beforeAppend(core(4)))).toBeNull()
    expect(rec.get(A)?.unconfirmed).toBe(false)
  })
})

describe('the store id that tells a store folder from a copy', () => {
  it('differs for a folder made again at the same place, even when the filesystem reuses the inode', async () => {
    // The usual restore: delete the profile, copy the backup back to the same place. On ext4 the
    // new folder very often gets the old folder's inode number, so an inode alone let the copy
    // pass for the original, and it wrote at indexes it had published before.
    const db = path.join(tempDir(), 'logs', 'db')
    mkdirSync(db, { recursive: true })
    const before = await storeId(db)
    expect(await storeId(db)).toBe(before)
    rmSync(path.dirname(db), { recursive: true })
    mkdirSync(db, { recursive: true })
    expect(await storeId(db)).not.toBe(before)
  })
})
