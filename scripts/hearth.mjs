#!/usr/bin/env node
// The installed `hearth` command. It runs the bundle in build/ (`npm run build:node`) when that
// is a current build of the sources, in plain Node with source maps: about a third of the start-up
// CPU of loading the TypeScript. Otherwise (no build, or any source changed since) it loads tsx in
// this same process and runs the TypeScript CLI, so a stale build never runs. HEARTH_RUN_SOURCES=1
// asks for the sources even when the build is current (for comparisons).
import { fileURLToPath } from 'node:url'
import { builtEntry } from './build/built-entry.mjs'

const built = process.env.HEARTH_RUN_SOURCES === '1' ? null : builtEntry(fileURLToPath(new URL('./hearth.ts', import.meta.url)))
if (built) {
  process.setSourceMapsEnabled(true)
  await import(built)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('./hearth.ts')
}
