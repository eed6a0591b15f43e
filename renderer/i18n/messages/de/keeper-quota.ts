/** The keeper's quota, German (preview translation). */
import type { keeperQuotaEn } from '../en/keeper-quota.ts'

export const keeperQuotaDe: Record<keyof typeof keeperQuotaEn, string> = {
  'keeperQuota.full': 'Der Hüter ist voll. Er nimmt nichts Neues mehr von dieser Gruppe an, also wird, was ab jetzt geschrieben wird, nicht über ihn weitergegeben. Was er schon hat, bleibt erhalten. Bitte die Person, die ihn betreibt, um mehr Platz.',
}
