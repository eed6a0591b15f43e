/** Español (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingEs: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'Sin noticias desde hace unos segundos: <bdi>{names}</bdi>. Puede que su ordenador esté en reposo u ocupado. La conexión sigue; no se pierde nada.',
}
