/**
 * Core's error details that the support screens show in the reader's language
 * (renderer/lib/core-details.ts). Each listed detail must still be one core writes, so a reworded
 * message in core fails here rather than quietly falling back to English on screen.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { errors } from '../../../core/errors.ts'
import { SUPPORT_LIMITS } from '../../../core/model/support-vocabulary.ts'
import { DETAILS, detailKey } from '../../../renderer/lib/core-details.ts'

const CORE = path.resolve(import.meta.dirname, '../../../core')
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? sources(p) : d.name.endsWith('.ts') ? [readFileSync(p, 'utf8')] : []
  })
}
const core = sources(CORE).join('\n')

function asApi(e: Error & { code: string }): { code: never; message: string } {
  return { code: e.code as never, message: e.message }
}

describe('core error details in the catalogue', () => {
  it('lists only details core still writes', () => {
    const gone = DETAILS.filter(([, detail]) => {
      if (detail === '') return false
      // A pattern's words before its number are what core's template literal starts with.
      const words = typeof detail === 'string' ? detail : detail.source.replace(/^\^/, '').split('(')[0]!
      // "only facilitators ${what}" is one template in core, with each action passed in quotes.
      const action = /^only facilitators (.*)$/.exec(words)?.[1]
      const templated = action !== undefined && core.includes('only facilitators ${what}') && core.includes(`'${action}'`)
      return !core.includes(words) && !templated
    })
    expect(gone.map(([code, detail]) => `${code} ${String(detail)}`)).toEqual([])
  })

  it("finds the key for errors as core's own factories make them, numbers included", () => {
    expect(detailKey(asApi(errors.INVALID_INPUT('give the meeting a title')))).toEqual({ key: 'support.error.meetingTitle', values: {} })
    expect(detailKey(asApi(errors.INVALID_INPUT(`a field is longer than ${SUPPORT_LIMITS.journalText} characters`)))).toEqual({
      key: 'support.error.fieldLonger', values: { max: SUPPORT_LIMITS.journalText },
    })
    expect(detailKey(asApi(errors.NOT_ALLOWED('only facilitators plan meetings')))).toEqual({ key: 'support.error.onlyPlan', values: {} })
    expect(detailKey(asApi(errors.EXPORT_FAILED()))).toEqual({ key: 'support.error.exportFailed', values: {} })
    expect(detailKey(asApi(errors.EXPORT_FAILED('that folder does not exist')))).toEqual({ key: 'support.error.noFolder', values: {} })
  })

  it("leaves an unlisted detail, or a listed one under another code, to core's English", () => {
    expect(detailKey(asApi(errors.INVALID_INPUT('something new')))).toBeNull()
    expect(detailKey(asApi(errors.NOT_FOUND('give the meeting a title')))).toBeNull()
    expect(detailKey(asApi(errors.INVALID_INPUT()))).toBeNull()
  })
})
