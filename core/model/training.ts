/**
 * Training: the modules (a data file written for Hearth, core/model/data/training.json, version 1)
 * and two kinds of progress, layout version 1:
 *
 *   personal/training (Yjs, never replicated)
 *     modules   Y.Map  <moduleId> → { completedAt: ms | null, notes: string }
 *   member/<id> (Yjs; only when the member chose to share it with that group)
 *     training  Y.Map  <moduleId> → completedAt (ms)     (an empty map = not shared)
 *
 * Reflection notes never leave the personal doc; a group sees only which modules were completed.
 */
import type * as Y from 'yjs'
import type { TrainingModuleView, TrainingShareView } from '../api.ts'
import { errors } from '../errors.ts'
import data from './data/training.json' with { type: 'json' }
import { SUPPORT_LIMITS } from './support-vocabulary.ts'

export const TRAINING_DOC = 'training'

type Module = Omit<TrainingModuleView, 'completedAt' | 'notes'>
export const TRAINING_MODULES: readonly Module[] = data.modules
export const MODULE_IDS = TRAINING_MODULES.map((m) => m.id)

export function readTraining(doc: Y.Doc): TrainingModuleView[] {
  const progress = doc.getMap<unknown>('modules')
  return TRAINING_MODULES.map((m) => {
    const p = progress.get(m.id) as { completedAt?: unknown; notes?: unknown } | undefined
    const completedAt = p && typeof p.completedAt === 'number' ? p.completedAt : null
    const notes = p && typeof p.notes === 'string' ? p.notes : ''
    return { ...m, completedAt, notes }
  })
}

export function setProgress(doc: Y.Doc, moduleId: string, change: { completed?: boolean; notes?: string }, now: number): void {
  if (!MODULE_IDS.includes(moduleId)) throw errors.NOT_FOUND('no such training module')
  if (change.notes !== undefined && change.notes.length > SUPPORT_LIMITS.trainingNotes) throw errors.INVALID_INPUT('the notes are too long')
  const progress = doc.getMap<unknown>('modules')
  const was = progress.get(moduleId) as { completedAt?: unknown; notes?: unknown } | undefined
  const completedAt = change.completed === undefined ? (typeof was?.completedAt === 'number' ? was.completedAt : null) : change.completed ? now : null
  const notes = change.notes ?? (typeof was?.notes === 'string' ? was.notes : '')
  progress.set(moduleId, { completedAt, notes })
}

/** Replaces what the member doc shares with the completed modules now (or nothing). */
export function shareTraining(memberDoc: Y.Doc, modules: TrainingModuleView[], share: boolean): void {
  const map = memberDoc.getMap<unknown>('training')
  for (const k of [...map.keys()]) map.delete(k)
  if (!share) return
  for (const m of modules) if (m.completedAt !== null) map.set(m.id, m.completedAt)
}

export function readSharedTraining(memberId: string, doc: Y.Doc | undefined, name: string, me: boolean): TrainingShareView {
  const completed: string[] = []
  for (const [id, at] of doc?.getMap<unknown>('training') ?? []) if (MODULE_IDS.includes(id) && typeof at === 'number') completed.push(id)
  completed.sort((a, b) => MODULE_IDS.indexOf(a) - MODULE_IDS.indexOf(b))
  return { memberId, name, me, completed, prepared: completed.length === MODULE_IDS.length }
}
