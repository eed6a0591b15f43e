/**
 * Builds what the web host serves: the renderer exactly as Electron packages it (the project's
 * vite.config.ts), and the bridge shim as one classic script held in memory. Vite's own logging
 * stays quiet so the host's stdout carries only its one ready line.
 */
import path from 'node:path'
import { build, type Rolldown } from 'vite'
import type { Names } from './shim.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

/** Vitest and some shells set NODE_ENV; what is served should be the production build. */
async function asProduction<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    return await fn()
  } finally {
    if (before === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = before
  }
}

export async function buildRenderer(outDir: string): Promise<void> {
  await asProduction(() =>
    build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } }),
  )
}

export async function buildShim(names: Names): Promise<string> {
  const result = await asProduction(() =>
    build({
      configFile: false,
      logLevel: 'error',
      root: ROOT,
      define: { HEARTH_NAMES: JSON.stringify(names) },
      build: {
        write: false,
        minify: false,
        lib: { entry: path.join(ROOT, 'scripts', 'web', 'shim-entry.ts'), formats: ['iife'], name: 'hearthWebShim' },
      },
    }),
  )
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('the bridge shim did not build')
  return chunk.code
}
