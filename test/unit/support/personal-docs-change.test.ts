/**
 * PersonalDocs.change: a change is in the doc once the log holds it; when the change throws
 * half-way or the log refuses the block, the doc is read back from the log, so what shows is
 * exactly what was stored. The log here is an in-memory stand-in for the device log (the
 * integration and canary tests use the real one).
 */
import { describe, expect, it } from 'vitest'
import { PersonalDocs } from '../../../core/store/personal-docs.ts'
import type { DeviceLog } from '../../../core/store/device-log.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { changeSafetyPlan, readSafetyPlan } from '../../../core/model/safety-plan.ts'

function memLog(): DeviceLog & { blocks: Uint8Array[]; refuse: boolean } {
  const log = {
    blocks: [] as Uint8Array[],
    refuse: false,
    async append(b: Uint8Array) {
      if (log.refuse) throw new Error('disk full')
      log.blocks.push(b)
      return log.blocks.length - 1
    },
    async *read(from = 0) {
      for (let i = from; i < log.blocks.length; i++) yield { index: i, block: log.blocks[i] as Uint8Array }
    },
  }
  return log as unknown as DeviceLog & { blocks: Uint8Array[]; refuse: boolean }
}

describe('personal doc changes', () => {
  it('keeps only what the log stored, after a refused append or a change that throws half-way', async () => {
    const log = memLog()
    const key = randomBytes(32)
    const docs = await PersonalDocs.open(log, key)
    await docs.change('safety-plan', (d) => changeSafetyPlan(d, { goBag: 'charger' }, 1))
    log.refuse = true
    await expect(docs.change('safety-plan', (d) => changeSafetyPlan(d, { goBag: 'never stored' }, 2))).rejects.toThrow('disk full')
    expect(readSafetyPlan(docs.view('safety-plan')).sections.goBag).toBe('charger')
    log.refuse = false
    await expect(docs.change('safety-plan', (d) => {
      d.getMap('sections').set('codeWords', 'half-way')
      throw new Error('bug')
    })).rejects.toThrow('bug')
    expect(readSafetyPlan(docs.view('safety-plan')).sections.codeWords).toBe('')
    expect(log.blocks).toHaveLength(1)
    // A fresh open reads the same.
    const again = await PersonalDocs.open(log, key)
    expect(readSafetyPlan(again.view('safety-plan')).sections.goBag).toBe('charger')
  })
})
