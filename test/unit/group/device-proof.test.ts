/**
 * The device announcement proves that the announcing member holds the key pair of the log it
 * names: a peer fetches nothing else. Real device logs in a real store.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { announce, verifyAnnouncement } from '../../../core/group/device-proof.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const group = 'a1'.repeat(16)
const member = 'b2'.repeat(32)
const other = 'c3'.repeat(32)

describe('device announcement', () => {
  it('names the log its announcer holds, for this group and member only', async () => {
    const store = await LogStore.open(path.join(tempDir(), 'p'), randomBytes(32))
    try {
      const log = await store.openDeviceLog('m-one')
      const victim = await store.openDeviceLog('m-another-group')
      const a = announce(log, group, member)
      expect(a).toHaveLength(128)
      expect(verifyAnnouncement(a, group, member)).toBe(Buffer.from(log.key).toString('hex'))
      // Replayed by another member, or in another group: refused.
      expect(verifyAnnouncement(a, group, other)).toBeNull()
      expect(verifyAnnouncement(a, 'd4'.repeat(16), member)).toBeNull()
      // Naming a log it does not hold (another group's): the key is not its signer's.
      const forged = Buffer.from(a)
      forged.set(victim.key, 0)
      expect(verifyAnnouncement(forged, group, member)).toBeNull()
      // A damaged signature, a short message, garbage.
      const bad = Buffer.from(a)
      bad[100] = (bad[100] as number) ^ 1
      expect(verifyAnnouncement(bad, group, member)).toBeNull()
      expect(verifyAnnouncement(a.subarray(0, 127), group, member)).toBeNull()
      expect(verifyAnnouncement(randomBytes(128), group, member)).toBeNull()
    } finally {
      await store.close()
    }
  })
})
