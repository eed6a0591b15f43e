// @ts-check
/**
 * Which built file runs a TypeScript entry point, if the build is current. Plain JavaScript so
 * the `hearth` launcher can ask before any TypeScript loader is in the process.
 *
 * build/manifest.json (written last by scripts/build/node-build.ts), version 1:
 *   { "version": 1,
 *     "entries": { "<source, repo-relative>": "<built file, relative to build/>", … },
 *     "inputs":  { "<every file the build read, repo-relative>": [mtimeMs, size], … },
 *     "outputs": { "<every file the build wrote, repo-relative>": [mtimeMs, size], … } }
 * An input whose stamp is [-1, -1] changed while the build ran: the build is never current.
 *
 * Current means every input still has the mtime and size it had when it was built, and every
 * output is still there as written. Editing,
 * checking out or deleting any file the bundle was made from changes that, so a stale build is
 * never run: the caller falls back to the sources (tsx). A new file can only be reached through
 * an edit of a file already in the build, so it is caught the same way.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const BUILD_DIR = path.join(ROOT, 'build')
export const MANIFEST = path.join(BUILD_DIR, 'manifest.json')

/**
 * @param {string} [root] the repository (another only in tests)
 * @returns {{ version: 1, entries: Record<string, string>, inputs: Record<string, [number, number]>, outputs: Record<string, [number, number]> } | null}
 */
export function readManifest(root = ROOT) {
  try {
    const m = JSON.parse(readFileSync(path.join(root, 'build', 'manifest.json'), 'utf8'))
    return m && m.version === 1 && m.entries && m.inputs && m.outputs ? m : null
  } catch {
    return null
  }
}

/**
 * @param {{ inputs: Record<string, [number, number]>, outputs?: Record<string, [number, number]> }} manifest
 * @param {string} [root]
 * @returns {string | null} the first input or output that changed since the build, or null if none did
 */
export function changedInput(manifest, root = ROOT) {
  for (const [rel, [mtimeMs, size]] of [...Object.entries(manifest.inputs), ...Object.entries(manifest.outputs ?? {})]) {
    try {
      const s = statSync(path.join(root, rel))
      if (s.mtimeMs !== mtimeMs || s.size !== size) return rel
    } catch {
      return rel
    }
  }
  return null
}

/**
 * @param {string} source absolute path of a TypeScript entry point
 * @param {string} [root]
 * @returns {string | null} absolute path of its built file, or null if there is no current build of it
 */
export function builtEntry(source, root = ROOT) {
  const m = readManifest(root)
  const out = m?.entries[path.relative(root, source).split(path.sep).join('/')]
  if (!m || !out || changedInput(m, root) !== null) return null
  return path.join(root, 'build', out)
}
