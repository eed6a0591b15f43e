/**
 * Core lists names in one order on every machine (core/model/name-order.ts): a process started
 * with a Swedish LANG sorts exactly as an English one. Without the fixed collation, "ä" moves after
 * "z" under sv_SE and the CLI's member and group lists change order with the computer's language.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareCodeUnits, compareNames } from '../../../core/model/name-order.ts'

const MODULE = path.resolve(import.meta.dirname, '../../../core/model/name-order.ts')
const NAMES = ['Zora', 'Ärla', 'Alder', 'Oak 10', 'Oak 9', 'Östen', 'birch']
const SORT = `import(${JSON.stringify(MODULE)}).then((m) => console.log(JSON.stringify(${JSON.stringify(NAMES)}.sort(m.compareNames))))`

function sortedUnder(lang: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', SORT], { env: { ...process.env, LANG: lang, LC_ALL: lang }, encoding: 'utf8' })
  return JSON.parse(out) as string[]
}

describe('the order of names', () => {
  it('is the same whatever language the process runs in', () => {
    const english = sortedUnder('en_US.UTF-8')
    expect(sortedUnder('sv_SE.UTF-8')).toEqual(english)
    // The root collation: accents beside their letter, case ignored first, numbers by value.
    expect(english).toEqual(['Alder', 'Ärla', 'birch', 'Oak 9', 'Oak 10', 'Östen', 'Zora'])
  }, 20_000) // hang guard: two node processes loading tsx

  it('is the only way core sorts text (no localeCompare, which follows LANG)', () => {
    const core = path.resolve(import.meta.dirname, '../../../core')
    const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('name-order.ts'))
    const users = files.filter((f) => readFileSync(path.join(core, f), 'utf8').includes('.localeCompare('))
    expect(users).toEqual([])
  })

  it('keeps ids and ISO times in code-unit order', () => {
    expect(['b', 'B', 'a'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b'])
    expect(compareNames('a', 'a')).toBe(0)
  })
})
