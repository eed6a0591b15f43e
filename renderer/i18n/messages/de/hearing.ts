/** Deutsch (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingDe: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'Seit ein paar Sekunden nichts gehört von: <bdi>{names}</bdi>. Der Computer schläft vielleicht oder ist ausgelastet. Weiterhin verbunden; nichts geht verloren.',
}
