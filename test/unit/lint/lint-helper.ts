/**
 * Lints a snippet as if it lived at a given path in the repo, with the project's real
 * eslint.config.js, so each test proves that a rule fires where DESIGN.md §2 says it must.
 * The files never exist on disk; ESLint picks the config blocks by the virtual path.
 */
import path from 'node:path'
import { ESLint } from 'eslint'

export const ROOT = path.resolve(import.meta.dirname, '../../..')

let eslint: ESLint | undefined

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
