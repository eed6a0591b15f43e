/**
 * Lints a snippet as if it lived at a given path in the repo, with the project's real
 * eslint.config.js, so each test proves that a rule fires where DESIGN.md §2 says it must.
 * The files never exist on disk; ESLint picks the config blocks by the virtual path.
 */
import path from 'node:path'
import { ESLint } from 'eslint'

export const ROOT = path.resolve(import.meta.dirname, '../../..')

let eslint: ESLint | undefined

/**
 * What a loaded machine may take to load eslint.config.js and the TypeScript and Svelte parsers
 * once: seconds of module loading that no single rule check should be billed for.
 */
export const ESLINT_STARTUP_MS = 60_000

/**
 * Builds the shared ESLint and lints one .ts and one .svelte snippet, so the config and both
 * parsers are loaded before the first test. Call it in beforeAll with ESLINT_STARTUP_MS; each
 * test then pays only for its own lintText calls.
 */
export async function warmUpEslint(): Promise<void> {
  await lintAt('renderer/lib/warm-up.ts', 'export const x = 1\n')
  await lintAt('renderer/WarmUp.svelte', '<script lang="ts">\n  const x: number = 1\n</script>\n\n<p>{x}</p>\n')
}

export interface Finding {
  ruleId: string | null
  messageId: string | undefined
  message: string
}

export async function lintAt(repoPath: string, code: string): Promise<Finding[]> {
  eslint ??= new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') })
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, repoPath) })
  if (!result) throw new Error(`ESLint returned no result for ${repoPath}`)
  return result.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, message: m.message }))
}

/** What fired, as both `rule` and `rule:messageId`, for compact assertions. */
export async function rulesAt(repoPath: string, code: string): Promise<string[]> {
  return (await lintAt(repoPath, code)).flatMap((f) => [String(f.ruleId), `${f.ruleId}:${f.messageId ?? ''}`])
}

export const LAYER = 'hearth/layer-imports'
