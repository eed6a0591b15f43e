/**
 * Builds the renderer and the bridge shim once for the whole e2e run, into a temp folder, so
 * every web host serves the current source without each one building it again (and without
 * touching dist/). A host that builds no shim never loads Vite, most of its start-up.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { METHOD_NAMES } from '../../core/schemas.ts'
import { buildRenderer, buildShim } from '../../scripts/web/build.ts'
import { EVENT_NAMES } from '../../scripts/web/server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string
    shimFile: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-renderer-'))
  const rendererDir = path.join(dir, 'renderer')
  const shimFile = path.join(dir, 'shim.js')
  await buildRenderer(rendererDir)
  await writeFile(shimFile, await buildShim({ methods: METHOD_NAMES, events: EVENT_NAMES }))
  project.provide('rendererDir', rendererDir)
  project.provide('shimFile', shimFile)
  return () => rm(dir, { recursive: true, force: true })
}
