/**
 * Builds the renderer once for the whole e2e run, into a temp folder, so every web host serves
 * the current source without each one building it again (and without touching dist/).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildRenderer } from '../../scripts/web/build.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-renderer-'))
  await buildRenderer(dir)
  project.provide('rendererDir', dir)
  return () => rm(dir, { recursive: true, force: true })
}
