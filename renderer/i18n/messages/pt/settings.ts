/** Group settings with named choices, in Portuguese (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsPt: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'Salvando…',
  'groupChoice.saved': 'Salvo.',
  'groupSetting.invite.membersApproved': 'Membros, com aprovação da facilitação',
  'groupSetting.invite.membersApprovedHelp': 'Qualquer pessoa pode convidar; cada pessoa nova espera até a facilitação deixá-la entrar. O padrão seguro.',
  'groupSetting.invite.facilitators': 'Só a facilitação',
  'groupSetting.invite.facilitatorsHelp': 'Só a facilitação cria convites.',
  'groupSetting.invite.members': 'Qualquer membro',
  'groupSetting.invite.membersHelp': 'O convite de qualquer membro deixa entrar direto. Mais aberto, e mais fácil para alguém indesejado entrar.',
  'groupSetting.export.facilitators': 'Só a facilitação',
  'groupSetting.export.facilitatorsHelp': 'Os membros salvam só as próprias palavras. O combinado de costume: o que se diz aqui fica aqui.',
  'groupSetting.export.members': 'Qualquer membro',
  'groupSetting.export.membersHelp': 'Qualquer membro pode salvar as palavras de todo o grupo como arquivo legível.',
  'groupSetting.export.sentenceMembers': 'Neste grupo, qualquer membro pode salvar as palavras de todo o grupo como arquivo legível. A cada vez, todos os membros podem ver que isso aconteceu.',
  'groupSetting.export.sentenceFacilitators': 'Neste grupo, só a facilitação salva as palavras de todo o grupo como arquivo legível; a cada vez, todos os membros podem ver que isso aconteceu. Você sempre pode salvar as suas próprias palavras.',
}
