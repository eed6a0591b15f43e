/**
 * The words of Hearth's readable copies in English: the group export (HTML and Markdown), the
 * safety plan and the incident record. Only Hearth's own words: what members wrote is never
 * translated. `{name}` slots are filled by core/readable-words/index.ts; every language file is
 * typed against this one, so tsc fails when a language misses a key.
 */
export const readableEn = {
  'export.note': 'Exported from Hearth on {date}. Anyone who opens this file can read it. Posts with a content warning stay folded until you open them.',
  'export.noteMd': 'Exported from Hearth on {date}. Anyone who opens this file can read it.',
  'export.warningHtml': 'Content warning: {cw} (open to read)',
  'export.warningMd': 'Content warning: {cw}',
  'export.edited': 'edited',
  'export.deleted': 'Deleted',
  'export.reactions': 'Reactions: {list}',
  'reaction.believe': 'I believe you',
  'reaction.not-alone': "You're not alone",
  'reaction.strength': 'Sending strength',
  'reaction.thanks': 'Thank you for sharing',
  'warning.unencrypted': 'This copy is NOT encrypted. Anyone who can open this file can read it. Keep it somewhere only you can reach, and delete it when you no longer need it.',
  'plan.title': 'MY SAFETY PLAN',
  'plan.written': 'Written out by Hearth on {date}.',
  'plan.empty': '(Nothing has been written in the plan yet.)',
  'plan.warningSigns': 'Warning signs',
  'plan.safePlaces': 'Safe places',
  'plan.peopleToCall': 'People to call',
  'plan.documents': 'Documents to keep ready',
  'plan.goBag': 'Go-bag list',
  'plan.codeWords': 'Code words',
  'journal.title': 'INCIDENT RECORD',
  'journal.written': 'Written out by Hearth on {date}. Entries: {count}, oldest first.',
  'journal.times': 'Times are local times as they were written down. "Recorded" is when each entry was first written.',
  'journal.recorded': 'Recorded: {time}',
  'journal.recordedChanged': 'Recorded: {time}; last changed {changed}',
  'journal.what': 'What happened:',
  'journal.witnesses': 'Witnesses:',
  'journal.evidence': 'Evidence kept where:',
  'journal.none': '(none written)',
  'journal.empty': '(There are no entries yet.)',
} as const satisfies Record<string, string>

export type ReadableKey = keyof typeof readableEn
export type ReadableWords = Record<ReadableKey, string>
