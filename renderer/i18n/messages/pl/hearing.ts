/** Polski (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingPl: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'Brak sygnału od kilku sekund: <bdi>{names}</bdi>. Komputer może być uśpiony lub zajęty. Połączenie nadal trwa; nic nie ginie.',
}
