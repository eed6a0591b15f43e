/** The keeper's quota, Portuguese (Brazilian) (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaPt: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'O guardião está cheio. Ele não aceita mais nada novo deste grupo, então o que for escrito a partir de agora não passa por ele. O que ele já guarda é mantido. Peça mais espaço à pessoa que o mantém.',
}
