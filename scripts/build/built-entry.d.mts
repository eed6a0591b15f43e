/** Types of built-entry.mjs (plain JavaScript so the `hearth` launcher can load it without tsx). */
export interface BuildManifest {
  version: 1
  entries: Record<string, string>
  inputs: Record<string, [number, number]>
  outputs: Record<string, [number, number]>
}
export const ROOT: string
export const BUILD_DIR: string
export const MANIFEST: string
export function readManifest(root?: string): BuildManifest | null
export function changedInput(manifest: Pick<BuildManifest, 'inputs'> & Partial<Pick<BuildManifest, 'outputs'>>, root?: string): string | null
export function builtEntry(source: string, root?: string): string | null
