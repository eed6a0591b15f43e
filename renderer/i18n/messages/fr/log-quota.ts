/** Un appareil à la limite du groupe (issue 14), français (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaFr: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'Appareils à la limite du groupe',
  'logQuota.intro': 'Chaque appareil ne peut écrire qu’une quantité limitée dans le groupe, pour que personne ne puisse remplir le stockage de tout le monde. Rien de ce qu’un appareil écrit au-delà de cette limite n’est affiché ni gardé. Ce qu’il a écrit avant reste.',
  'logQuota.item': 'Un appareil de <bdi>{name}</bdi> a atteint la limite du groupe.',
  'logQuota.what': 'Un usage ordinaire reste très loin de cette limite pendant de nombreuses années. Si quelqu’un inonde le groupe, vous pouvez retirer cette personne. La limite ne peut pas être relevée pour un seul appareil.',
  'logQuota.error': 'Cet appareil a écrit dans ce groupe tout ce qu’un appareil peut écrire : rien de plus de sa part ne pourra être partagé. Vous pouvez toujours lire. Les personnes qui animent le groupe peuvent voir que cet appareil a atteint la limite.',
}
