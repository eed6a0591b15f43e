/** Um dispositivo no limite do grupo (issue 14), português do Brasil (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { logQuotaEn } from '../en/log-quota.ts'

export const logQuotaPt: Record<keyof typeof logQuotaEn, string> = {
  'logQuota.title': 'Dispositivos no limite do grupo',
  'logQuota.intro': 'Cada dispositivo pode escrever só uma quantidade limitada no grupo, para que ninguém consiga encher o armazenamento de todas as pessoas. Nada do que um dispositivo escrever além desse limite é mostrado ou guardado por ninguém. O que ele escreveu antes continua.',
  'logQuota.item': 'Um dispositivo de <bdi>{name}</bdi> chegou ao limite do grupo.',
  'logQuota.what': 'O uso comum fica muito abaixo desse limite por muitos anos. Se alguém estiver inundando o grupo, você pode remover essa pessoa. O limite não pode ser aumentado para um único dispositivo.',
  'logQuota.error': 'Este dispositivo já escreveu neste grupo tudo o que um dispositivo pode escrever, então nada mais dele poderá ser compartilhado. Você ainda pode ler. As pessoas que facilitam o grupo podem ver que este dispositivo chegou ao limite.',
}
