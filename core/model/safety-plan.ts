/**
 * The personal safety plan, personal doc `personal/safety-plan` (Yjs), layout version 1. It lives
 * only in this device's never-replicated personal log (core/store/personal-docs.ts).
 *
 *   sections   Y.Map   <SafetyPlanSection> → string   (a missing key = an empty section)
 *   meta       Y.Map   v: 1, updatedAt: ms
 *
 * Every section is optional. The readable copy (`safetyPlanText`) is plain UTF-8 text that opens
 * with the warning a person must read before printing or sending it, in the language the person
 * asked for (core/readable-words); what they wrote stays as written.
 */
import type * as Y from 'yjs'
import type { SafetyPlanSection, SafetyPlanView } from '../api.ts'
import { errors } from '../errors.ts'
import { SAFETY_PLAN_SECTIONS, SUPPORT_LIMITS } from './support-vocabulary.ts'
import { readableEn } from '../readable-words/en.ts'
import { readableWords } from '../readable-words/index.ts'

export const SAFETY_PLAN_DOC = 'safety-plan'

/** The warning in English; a copy in another language carries it in that language. */
export const READABLE_WARNING = readableEn['warning.unencrypted']

export function readSafetyPlan(doc: Y.Doc): SafetyPlanView {
  const map = doc.getMap<unknown>('sections')
  const sections = {} as Record<SafetyPlanSection, string>
  for (const { id } of SAFETY_PLAN_SECTIONS) {
    const v = map.get(id)
    sections[id] = typeof v === 'string' && v.length <= SUPPORT_LIMITS.section ? v : ''
  }
  const at = doc.getMap<unknown>('meta').get('updatedAt')
  return { sections, updatedAt: typeof at === 'number' ? at : null }
}

/** Sets the sections given; others stay. An empty string clears a section. */
export function changeSafetyPlan(doc: Y.Doc, change: Partial<Record<SafetyPlanSection, string>>, now: number): void {
  for (const [id, text] of Object.entries(change)) {
    if (!SAFETY_PLAN_SECTIONS.some((s) => s.id === id)) throw errors.INVALID_INPUT(`no safety plan section "${id}"`)
    if (typeof text !== 'string' || text.length > SUPPORT_LIMITS.section) throw errors.INVALID_INPUT('a section is too long')
  }
  const map = doc.getMap<unknown>('sections')
  for (const [id, text] of Object.entries(change) as [SafetyPlanSection, string][]) {
    if (text.trim() === '') map.delete(id)
    else map.set(id, text)
  }
  const meta = doc.getMap<unknown>('meta')
  meta.set('v', 1)
  meta.set('updatedAt', now)
}

/** The readable copy: the warning, then each section that has something in it. */
export function safetyPlanText(plan: SafetyPlanView, now: number, language?: string): string {
  const words = readableWords(language)
  const lines = [words.w('plan.title'), '', words.w('plan.written', { date: words.date(now) }), '', words.w('warning.unencrypted'), '']
  let any = false
  for (const s of SAFETY_PLAN_SECTIONS) {
    const text = plan.sections[s.id].trim()
    if (!text) continue
    any = true
    const label = words.w(`plan.${s.id}`)
    lines.push(label.toLocaleUpperCase(words.lang), '-'.repeat(label.length), text, '')
  }
  if (!any) lines.push(words.w('plan.empty'), '')
  return lines.join('\n')
}
