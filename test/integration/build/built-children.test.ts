/**
 * Test children run the build of the current sources (scripts/build/node-build.ts), in plain
 * Node, and behave as the sources do: each module keeps its own import.meta location, packages
 * resolve from node_modules, and a stack trace names the .ts line. A stale build is never run.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { builtEntry, changedInput, readManifest, ROOT } from '../../../scripts/build/built-entry.mjs'
import { spawnTs } from '../../helpers/child.ts'

const CHILD = path.join(import.meta.dirname, 'where.child.ts')

describe('built test children', () => {
  it('run the current build, with their own locations and .ts stack lines', async () => {
    const built = builtEntry(CHILD)
    expect(built, 'the Vitest global setup builds every child first').toBe(path.join(ROOT, 'build', 'test', 'integration', 'build', 'where.child.mjs'))
    const child = spawnTs(CHILD, [])
    const line = await child.waitForLine((l) => l.startsWith('{'))
    await child.exited
    const seen = JSON.parse(line) as { started: string; url: string; dirname: string; filename: string; hypercore: string; stack: string }
    expect(seen.started).toBe(built)
    expect(seen.filename).toBe(CHILD)
    expect(seen.dirname).toBe(import.meta.dirname)
    expect(seen.url).toBe(pathToFileURL(CHILD).href)
    expect(seen.hypercore).toBe(createRequire(import.meta.url).resolve('hypercore'))
    // The error is made on line 8 of the source; without source maps the stack names the .mjs.
    expect(seen.stack).toContain(`${CHILD}:8:`)
  })

  it('names no built file once any input has changed, been touched or gone, or an output is gone', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-build-'))
    try {
      const src = path.join(root, 'core', 'a.ts')
      const dep = path.join(root, 'core', 'b.ts')
      mkdirSync(path.join(root, 'core'))
      mkdirSync(path.join(root, 'build'))
      writeFileSync(src, 'export const a = 1\n')
      writeFileSync(dep, 'export const b = 2\n')
      const out = path.join(root, 'build', 'a.mjs')
      writeFileSync(out, '')
      const stamp = (f: string): [number, number] => {
        const s = statSync(f)
        return [s.mtimeMs, s.size]
      }
      const manifest = (): void =>
        writeFileSync(path.join(root, 'build', 'manifest.json'), JSON.stringify({ version: 1, entries: { 'core/a.ts': 'a.mjs' }, inputs: { 'core/a.ts': stamp(src), 'core/b.ts': stamp(dep) }, outputs: { 'build/a.mjs': stamp(out) } }))
      manifest()
      expect(builtEntry(src, root)).toBe(path.join(root, 'build', 'a.mjs'))
      expect(builtEntry(dep, root), 'an input that is no entry point has no built file').toBeNull()

      writeFileSync(dep, 'export const b = 3\n') // same size, new content
      utimesSync(dep, new Date(), new Date(Date.now() + 5_000))
      expect(builtEntry(src, root)).toBeNull()
      expect(changedInput(readManifest(root) ?? { inputs: {} }, root)).toBe('core/b.ts')

      manifest()
      expect(builtEntry(src, root)).not.toBeNull()
      rmSync(dep)
      expect(builtEntry(src, root), 'a deleted input').toBeNull()

      writeFileSync(dep, 'export const b = 2\n')
      manifest()
      const m = readManifest(root)
      if (!m) throw new Error('no manifest')
      m.inputs['core/a.ts'] = [-1, -1] // changed while the build ran
      writeFileSync(path.join(root, 'build', 'manifest.json'), JSON.stringify(m))
      expect(builtEntry(src, root)).toBeNull()

      manifest()
      expect(builtEntry(src, root)).not.toBeNull()
      rmSync(out)
      expect(builtEntry(src, root), 'a built file gone').toBeNull()

      writeFileSync(path.join(root, 'build', 'manifest.json'), '{"version":2}')
      expect(builtEntry(src, root), 'a manifest of another version').toBeNull()
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('keeps the real build current: its manifest stamps every source it was made from', () => {
    const m = readManifest()
    expect(m).not.toBeNull()
    expect(changedInput(m ?? { inputs: {} })).toBeNull()
    expect(Object.keys(m?.inputs ?? {})).toEqual(expect.arrayContaining(['core/service.ts', 'scripts/hearth.ts', 'scripts/build/node-build.ts', 'package.json']))
  })
})
