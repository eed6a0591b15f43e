/** Français (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingFr: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'Sans nouvelles depuis quelques secondes : <bdi>{names}</bdi>. Son ordinateur est peut-être en veille ou occupé. La connexion tient toujours ; rien n’est perdu.',
}
