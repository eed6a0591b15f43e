/**
 * Readable copies go only where the person says: an absolute path in an existing folder outside
 * the profile, written whole (no temp file left), owner-only. Anything else is a coded refusal
 * and nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HearthError } from '../../../core/errors.ts'
import { writeReadableCopy } from '../../../core/store/readable-export.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw e
  }
}

describe('readable copies', () => {
  it('writes the file where asked, owner-only, with nothing left beside it', async () => {
    const root = tempDir()
    const profile = path.join(root, 'profile')
    mkdirSync(profile)
    const out = path.join(root, 'out', 'plan.txt')
    mkdirSync(path.dirname(out))
    expect(await writeReadableCopy(out, 'my plan', profile)).toBe(out)
    expect(readFileSync(out, 'utf8')).toBe('my plan')
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readdirSync(path.dirname(out))).toEqual(['plan.txt'])
  })

  it('refuses a relative path, a missing folder, a folder as target, and any place inside the profile (also through a link)', async () => {
    const root = tempDir()
    const profile = path.join(root, 'profile')
    mkdirSync(path.join(profile, 'logs'), { recursive: true })
    symlinkSync(profile, path.join(root, 'link'))
    expect(await code(writeReadableCopy('plan.txt', 'x', profile))).toBe('INVALID_INPUT')
    expect(await code(writeReadableCopy(path.join(root, 'nope', 'plan.txt'), 'x', profile))).toBe('EXPORT_FAILED')
    expect(await code(writeReadableCopy(root, 'x', profile))).toBe('EXPORT_FAILED')
    expect(await code(writeReadableCopy(path.join(profile, 'plan.txt'), 'x', profile))).toBe('NOT_ALLOWED')
    expect(await code(writeReadableCopy(path.join(profile, 'logs', 'plan.txt'), 'x', profile))).toBe('NOT_ALLOWED')
    expect(await code(writeReadableCopy(path.join(root, 'link', 'plan.txt'), 'x', profile))).toBe('NOT_ALLOWED')
    expect(existsSync(path.join(profile, 'plan.txt'))).toBe(false)
    expect(readdirSync(profile)).toEqual(['logs'])
  })
})
