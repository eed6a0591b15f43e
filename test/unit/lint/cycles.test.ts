/**
 * The cycle check is the dpdm step of `npm run lint`. These tests take its flags from
 * package.json rather than repeating them, so loosening the script (dropping --exit-code, say)
 * makes them fail instead of silently passing.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
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

function dpdm(...files: string[]) {
  const { flags } = lintScriptDpdm()
  const r = spawnSync(process.execPath, [DPDM, ...flags, ...files], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('import cycle check', () => {
  it('covers every layer that can form a cycle', () => {
    const { entries } = lintScriptDpdm()
    for (const layer of ['core/', 'electron/', 'renderer/', 'scripts/']) {
      expect(entries.some((e) => e.startsWith(layer)), layer).toBe(true)
    }
  })

  it('fails on a cycle', () => {
    const r = dpdm('test/fixtures/lint/cycle/a.ts')
    expect(r.status).not.toBe(0)
    expect(r.out).toMatch(/cycle\/a\.ts -> .*cycle\/b\.ts/)
  })

  it('fails on a cycle even when it is reached from an acyclic entry', () => {
    expect(dpdm('test/fixtures/lint/acyclic/a.ts', 'test/fixtures/lint/cycle/b.ts').status).not.toBe(0)
  })

  it('passes on an acyclic graph', () => {
    const r = dpdm('test/fixtures/lint/acyclic/a.ts')
    expect(r.out).toContain('no circular dependency')
    expect(r.status).toBe(0)
  })
})
