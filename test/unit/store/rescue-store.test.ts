/**
 * The rescue store (core/store/rescue-store.ts) keeps offsets, not blocks: nothing it keeps is a
 * view into the file read at open or into the message a block came in (a view keeps the whole
 * buffer alive: every rescued byte would stay resident; session 15 review, F9). A real file on a
 * temp folder.
 */
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RescueStore, type RescuedBlock } from '../../../core/store/rescue-store.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const SIZE = 64 * 1024
const COUNT = 20

describe('the rescue store', () => {
  it('keeps no view of the file it read nor of the message blocks came in', async () => {
    const dir = tempDir()
    const key = 'aa'.repeat(32)
    // Blocks as the exchange hands them over: views into one received message.
    const message = Buffer.alloc(COUNT * (SIZE + 32), 7)
    const blocks: RescuedBlock[] = Array.from({ length: COUNT }, (_, index) => ({
      index,
      value: message.subarray(index * (SIZE + 32), index * (SIZE + 32) + SIZE),
      path: [{ index: 1, size: 1, hash: message.subarray(index * (SIZE + 32) + SIZE, (index + 1) * (SIZE + 32)) }],
    }))
    const { store } = await RescueStore.open(dir, key, () => true)
    await store.put(blocks)
    const put = await store.get(3)
    expect(put?.path[0]?.hash.buffer).not.toBe(message.buffer)
    expect(put?.value.buffer).not.toBe(message.buffer)

    const again = (await RescueStore.open(dir, key, () => true)).store
    expect(statSync(again.file).size).toBeGreaterThan(COUNT * SIZE)
    const read = await again.get(3)
    expect(Buffer.from(read?.value as Uint8Array).equals(blocks[3]?.value as Uint8Array)).toBe(true)
    expect(Buffer.from(read?.path[0]?.hash as Uint8Array).equals(blocks[3]?.path[0]?.hash as Uint8Array)).toBe(true)
    // The record alone backs what is read, not the file.
    expect((read?.path[0]?.hash as Uint8Array).buffer.byteLength).toBeLessThan(2 * SIZE)
  })

  it('cuts bytes a failed write left past its records before the next, so offsets hold and the file reopens whole', async () => {
    const dir = tempDir()
    const key = 'ab'.repeat(32)
    const block = (index: number): RescuedBlock => ({ index, value: Buffer.alloc(100, index + 1), path: [{ index: 1, size: 1, hash: Buffer.alloc(32, index) }] })
    const { store } = await RescueStore.open(dir, key, () => true)
    await store.put([block(0)])
    // What a write that failed part way leaves: some bytes of a record never recorded.
    appendFileSync(store.file, Buffer.alloc(37, 9))
    await store.put([block(1)])
    expect(Buffer.from((await store.get(1))?.value as Uint8Array).equals(block(1).value)).toBe(true)
    const again = await RescueStore.open(dir, key, () => true)
    expect(again.damaged).toBeNull()
    expect(Buffer.from((await again.store.get(1))?.value as Uint8Array).equals(block(1).value)).toBe(true)
  })

  it('leaves records at or past a lowered freeze aside on open, not as damage', async () => {
    const dir = tempDir()
    const key = 'ac'.repeat(32)
    const { store } = await RescueStore.open(dir, key, () => true)
    await store.put([0, 1, 2, 3].map((index) => ({ index, value: Buffer.alloc(10, index), path: [] })))
    // The check refuses what lies at or past the freeze (2 now), as FrozenRescue.check does.
    const again = await RescueStore.open(dir, key, (i) => i < 2, 2)
    expect(again.damaged).toBeNull()
    expect([0, 1, 2, 3].map((i) => again.store.has(i))).toEqual([true, true, false, false])
    expect(again.store.contiguous).toBe(2)
  })

  it('sets a second damaged file aside beside the first, never over it', async () => {
    const dir = tempDir()
    const key = 'ad'.repeat(32)
    for (let n = 0; n < 2; n++) {
      const { store } = await RescueStore.open(dir, key, () => true)
      await store.put([{ index: 0, value: Buffer.alloc(10, n), path: [] }])
      const again = await RescueStore.open(dir, key, () => false)
      expect(again.damaged?.code).toBe('LOG_CORRUPT')
    }
    expect(readdirSync(dir).sort()).toEqual([`${key}.rescued.damaged`, `${key}.rescued.damaged-2`])
    // Each holds the block of its own round.
    expect(readFileSync(`${dir}/${key}.rescued.damaged`).includes(Buffer.alloc(10, 0))).toBe(true)
    expect(readFileSync(`${dir}/${key}.rescued.damaged-2`).includes(Buffer.alloc(10, 1))).toBe(true)
  })
})
