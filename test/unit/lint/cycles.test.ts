/**
 * The cycle check is the dpdm step of `npm run lint`. These tests take its flags from
 * package.json rather than repeating them, so loosening the script (dropping --exit-code, say)
 * makes them fail instead of silently passing.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './lint-helper.ts'

const DPDM = path.join(ROOT, 'node_modules/dpdm/lib/bin/dpdm.js')

function lintScriptDpdm(): { flags: string[]; entries: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const step = pkg.scripts.lint?.split('&&').map((s) => s.trim()).find((s) => s.startsWith('dpdm '))
  if (!step) throw new Error('the lint script has no dpdm step')
  const tokens = step.slice('dpdm '.length).match(/"[^"]*"|\S+/g) ?? []
  return {
    flags: tokens.filter((t) => !t.startsWith('"')),
    entries: tokens.filter((t) => t.startsWith('"')).map((t) => t.slice(1, -1)),
  }
}

interface DpdmRun {
  status: number | null
  out: string
}

function dpdm(...files: string[]): Promise<DpdmRun> {
  const { flags } = lintScriptDpdm()
  return new Promise((resolve) => {
    execFile(process.execPath, [DPDM, ...flags, ...files], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code
      resolve({ status: err ? (typeof code === 'number' ? code : null) : 0, out: `${stdout}${stderr}` })
    })
  })
}

/**
 * Each check is a whole dpdm process (Node start-up, TypeScript loaded, the graph parsed): about
 * a second on a quiet machine, many on a loaded one. The three run once, side by side, before the
 * tests, which then only read their results; this bound is for that set-up, not for any check.
 */
const DPDM_RUNS_MS = 90_000
let cycle: DpdmRun, reachedCycle: DpdmRun, acyclic: DpdmRun
beforeAll(async () => {
  ;[cycle, reachedCycle, acyclic] = await Promise.all([
    dpdm('test/fixtures/lint/cycle/a.ts'),
    dpdm('test/fixtures/lint/acyclic/a.ts', 'test/fixtures/lint/cycle/b.ts'),
    dpdm('test/fixtures/lint/acyclic/a.ts'),
  ])
}, DPDM_RUNS_MS)

describe('import cycle check', () => {
  it('covers every layer that can form a cycle', () => {
    const { entries } = lintScriptDpdm()
    for (const layer of ['core/', 'electron/', 'renderer/', 'scripts/']) {
      expect(entries.some((e) => e.startsWith(layer)), layer).toBe(true)
    }
  })

  it('fails on a cycle', () => {
    expect(cycle.status).not.toBe(0)
    expect(cycle.out).toMatch(/cycle\/a\.ts -> .*cycle\/b\.ts/)
  })

  it('fails on a cycle even when it is reached from an acyclic entry', () => {
    expect(reachedCycle.status).not.toBe(0)
  })

  it('passes on an acyclic graph', () => {
    expect(acyclic.out).toContain('no circular dependency')
    expect(acyclic.status).toBe(0)
  })
})
