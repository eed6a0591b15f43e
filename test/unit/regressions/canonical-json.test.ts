import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../core/group/canonical-json.ts'
describe('canonical JSON and sparse arrays', () => {
  it('refuses an array with holes rather than writing invalid JSON', () => {
    for (const v of [[, 1], new Array(2)]) expect(() => canonicalJson(v)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })
})
