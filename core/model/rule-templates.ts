/**
 * Ground-rule templates (core/model/data/rule-templates.json, version 1): starting points for a
 * new group's rules drawn from peer-support practice (confidentiality, listening without
 * judgement, no advice unless asked, stepping back is fine, what facilitators do). Facilitators
 * pick one, change the words and save them with `setRules` (one rule per line).
 */
import type { RuleTemplate } from '../api.ts'
import data from './data/rule-templates.json' with { type: 'json' }

export const RULE_TEMPLATES: readonly RuleTemplate[] = data.templates.map((t) => ({ id: t.id, title: t.title, summary: t.summary, rules: [...t.rules] }))
