/** Português (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { hearingEn } from '../en/hearing.ts'

export const hearingPt: Record<keyof typeof hearingEn, string> = {
  'hearing.notHeard': 'Sem sinal há alguns segundos: <bdi>{names}</bdi>. O computador pode estar em suspensão ou ocupado. A conexão continua; nada se perde.',
}
