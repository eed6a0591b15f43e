/**
 * Builds the Node entry points (scripts/build/node-build.ts) before any test file runs, so every
 * child process a test starts runs the current sources, bundled, in plain Node (test/helpers/
 * child.ts). Nothing is built when the last build is still current.
 */
import { buildNode } from '../scripts/build/node-build.ts'

export default async function setup(): Promise<void> {
  await buildNode()
}
