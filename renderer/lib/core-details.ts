/**
 * Core's error messages name what was wrong in English ("The request was not valid: give the
 * meeting a title"). For the support screens, the details they meet are matched here to catalogue
 * keys, so the reader sees them in their language; a detail not listed is shown in core's English
 * (support-words.ts), never hidden. Core's words are matched exactly: a test checks each one still
 * appears in core's source, so a reworded message fails CI instead of silently falling back.
 */
import type { ApiError, ErrorCode } from '../../core/api.ts'
import type { MessageKey } from '../i18n/messages/en.ts'

type Match = readonly [code: ErrorCode, detail: string | RegExp, key: MessageKey]

export const DETAILS: readonly Match[] = [
  ['INVALID_INPUT', 'the entry is empty', 'support.error.entryEmpty'],
  ['INVALID_INPUT', 'the entry is too long', 'support.error.entryLong'],
  ['INVALID_INPUT', /^the note is longer than (\d+) characters$/, 'support.error.noteLong'],
  ['INVALID_INPUT', /^a field is longer than (\d+) characters$/, 'support.error.fieldLonger'],
  ['INVALID_INPUT', 'a field is too long', 'support.error.fieldLong'],
  ['INVALID_INPUT', 'the notes are too long', 'support.error.notesLong'],
  ['INVALID_INPUT', 'a section is too long', 'support.error.sectionLong'],
  ['INVALID_INPUT', 'give the meeting a title', 'support.error.meetingTitle'],
  ['INVALID_INPUT', 'choose who facilitates', 'support.error.chooseFacilitator'],
  ['INVALID_INPUT', 'the facilitator must be a member of the group', 'support.error.facilitatorMember'],
  ['INVALID_INPUT', 'give a start time and a length', 'support.error.startLength'],
  ['INVALID_INPUT', 'give the resource a name', 'support.error.resourceName'],
  ['INVALID_INPUT', 'a web address must start with https:// and have no port or password', 'support.error.url'],
  ['INVALID_INPUT', 'give the date and time it happened', 'support.error.occurredAt'],
  ['INVALID_INPUT', 'write what happened', 'support.error.what'],
  ['INVALID_INPUT', 'the journal is full', 'support.error.journalFull'],
  ['INVALID_INPUT', 'the directory is full', 'support.error.directoryFull'],
  ['INVALID_INPUT', 'you have made too many suggestions', 'support.error.tooManySuggestions'],
  ['NOT_ALLOWED', 'only facilitators add to the directory', 'support.error.onlyAdd'],
  ['NOT_ALLOWED', 'only facilitators change the directory', 'support.error.onlyChange'],
  ['NOT_ALLOWED', 'only facilitators set suggestions aside', 'support.error.onlySetAside'],
  ['NOT_ALLOWED', 'only facilitators plan meetings', 'support.error.onlyPlan'],
  ['NOT_ALLOWED', 'only facilitators cancel meetings', 'support.error.onlyCancel'],
  ['NOT_ALLOWED', 'only facilitators write in the debrief space', 'support.error.onlyDebrief'],
  ['NOT_ALLOWED', 'Hearth opens only the links in its hotline list and in the group directory', 'support.error.linkNotListed'],
  ['NOT_ALLOWED', 'links cannot be opened from here; copy the address instead', 'support.error.linkHere'],
  ['NOT_FOUND', 'no such meeting', 'support.error.meetingGone'],
  ['NOT_FOUND', 'that meeting is not in this group', 'support.error.meetingGone'],
  ['NOT_FOUND', 'no such journal entry', 'support.error.entryGone'],
  ['NOT_FOUND', 'no such resource', 'support.error.resourceGone'],
  ['NOT_FOUND', 'no such suggestion', 'support.error.suggestionGone'],
  ['NOT_FOUND', 'no such training module', 'support.error.moduleGone'],
  ['EXPORT_FAILED', 'that folder does not exist', 'support.error.noFolder'],
  ['EXPORT_FAILED', 'that is a folder, not a file name', 'support.error.isFolder'],
  ['EXPORT_FAILED', 'Hearth may not write in that folder', 'support.error.mayNotWrite'],
  ['EXPORT_FAILED', '', 'support.error.exportFailed'],
]

/** What core's factory put after its own sentence ("<sentence>: <detail>"), or '' when nothing. */
function detailOf(message: string): string {
  const at = message.indexOf(': ')
  return at === -1 ? '' : message.slice(at + 2)
}

/** The catalogue key (and any number in it) for an error's detail, or null when it is not listed. */
export function detailKey(error: ApiError): { key: MessageKey; values: Record<string, number> } | null {
  const detail = detailOf(error.message)
  for (const [code, match, key] of DETAILS) {
    if (code !== error.code) continue
    if (typeof match === 'string') {
      if (match === detail) return { key, values: {} }
      continue
    }
    const found = match.exec(detail)
    if (found) return { key, values: { max: Number(found[1]) } }
  }
  return null
}
