/**
 * The personal half of the support features (issue 8): the safety plan, the private journal,
 * training progress and check-ins. Everything here is written to personal docs, which never
 * leave this device (core/store/personal-docs.ts); a check-in reaches a group only when the
 * person names that group, and then only the mood, note and time. Readable copies go only to a
 * path the person gave (core/store/readable-export.ts).
 */
import type { MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId } from '../model/doc-id.ts'
import { addPersonalCheckIn, addSharedCheckIn, CHECK_INS_DOC, checkCheckIn, newCheckInId, readPersonalCheckIns } from '../model/check-ins.ts'
import { JOURNAL_DOC, journalText, readJournal, removeJournalEntry, saveJournalEntry } from '../model/journal.ts'
import { changeSafetyPlan, readSafetyPlan, SAFETY_PLAN_DOC, safetyPlanText } from '../model/safety-plan.ts'
import { readTraining, setProgress, TRAINING_DOC } from '../model/training.ts'
import { writeReadableCopy } from '../store/readable-export.ts'
import type { GroupRegistry } from './group-registry.ts'

type PersonalMethods =
  | 'safetyPlan' | 'saveSafetyPlan' | 'exportSafetyPlan' | 'journal' | 'saveJournalEntry' | 'removeJournalEntry'
  | 'exportJournal' | 'training' | 'setTrainingProgress' | 'checkIn' | 'checkIns'

export interface PersonalContext {
  registry(): GroupRegistry
  now(): number
}

export function personalHandlers(ctx: PersonalContext): Pick<MethodHandlers, PersonalMethods> {
  const personal = () => ctx.registry().personal
  const profileDir = () => ctx.registry().vault.dir
  return {
    async safetyPlan() {
      return readSafetyPlan(personal().view(SAFETY_PLAN_DOC))
    },
    async saveSafetyPlan({ sections }) {
      await personal().change(SAFETY_PLAN_DOC, (d) => changeSafetyPlan(d, sections, ctx.now()))
      return readSafetyPlan(personal().view(SAFETY_PLAN_DOC))
    },
    async exportSafetyPlan({ path, language }) {
      const text = safetyPlanText(readSafetyPlan(personal().view(SAFETY_PLAN_DOC)), ctx.now(), language)
      return { path: await writeReadableCopy(path, text, profileDir()) }
    },
    async journal() {
      return readJournal(personal().view(JOURNAL_DOC))
    },
    async saveJournalEntry(input) {
      let id = ''
      await personal().change(JOURNAL_DOC, (d) => (id = saveJournalEntry(d, input, ctx.now())))
      const entry = readJournal(personal().view(JOURNAL_DOC)).find((e) => e.id === id)
      if (!entry) throw errors.INTERNAL('the entry was not saved')
      return entry
    },
    async removeJournalEntry({ id }) {
      await personal().change(JOURNAL_DOC, (d) => removeJournalEntry(d, id))
      return { id }
    },
    async exportJournal({ path, language }) {
      const list = readJournal(personal().view(JOURNAL_DOC))
      return { path: await writeReadableCopy(path, journalText(list, ctx.now(), language), profileDir()), entries: list.length }
    },
    async training() {
      return readTraining(personal().view(TRAINING_DOC))
    },
    async setTrainingProgress({ moduleId, completed, notes }) {
      await personal().change(TRAINING_DOC, (d) => setProgress(d, moduleId, { ...(completed !== undefined ? { completed } : {}), ...(notes !== undefined ? { notes } : {}) }, ctx.now()))
      return readTraining(personal().view(TRAINING_DOC)).find((m) => m.id === moduleId) as ReturnType<typeof readTraining>[number]
    },
    async checkIn({ mood, note, shareWith }) {
      const reg = ctx.registry()
      const text = note?.trim() ?? ''
      checkCheckIn(mood, text)
      const groups = [...new Set(shareWith ?? [])]
      // Check every group first, so a bad id shares nothing anywhere.
      const spaces = await Promise.all(groups.map((g) => reg.space(g)))
      const id = newCheckInId()
      const at = ctx.now()
      for (const s of spaces) await s.change(memberDocId(s.me), (d) => addSharedCheckIn(d, id, { at, mood, note: text }))
      await personal().change(CHECK_INS_DOC, (d) => addPersonalCheckIn(d, id, { at, mood, note: text, sharedWith: groups }))
      return { id, at, mood, note: text, sharedWith: groups }
    },
    async checkIns() {
      return readPersonalCheckIns(personal().view(CHECK_INS_DOC))
    },
  }
}
