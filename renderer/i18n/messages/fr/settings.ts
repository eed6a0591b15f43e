/** Group settings with named choices, in French (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { settingsEn } from '../en/settings.ts'

export const settingsFr: Record<keyof typeof settingsEn, string> = {
  'groupChoice.busy': 'Enregistrement…',
  'groupChoice.saved': 'Enregistré.',
  'groupSetting.invite.membersApproved': 'Les membres, avec l’accord de l’animation',
  'groupSetting.invite.membersApprovedHelp': 'Tout le monde peut inviter ; chaque nouvelle personne attend qu’une personne qui anime la laisse entrer. Le réglage sûr par défaut.',
  'groupSetting.invite.facilitators': 'L’animation seulement',
  'groupSetting.invite.facilitatorsHelp': 'Seules les personnes qui animent créent des invitations.',
  'groupSetting.invite.members': 'Tout membre',
  'groupSetting.invite.membersHelp': 'L’invitation de tout membre fait entrer directement. Plus ouvert, et plus facile pour une personne indésirable d’entrer.',
  'groupSetting.export.facilitators': 'L’animation seulement',
  'groupSetting.export.facilitatorsHelp': 'Les membres n’enregistrent que leurs propres mots. La règle habituelle : ce qui se dit ici reste ici.',
  'groupSetting.export.members': 'Tout membre',
  'groupSetting.export.membersHelp': 'Tout membre peut enregistrer les mots de tout le groupe dans un fichier lisible.',
  'groupSetting.export.sentenceMembers': 'Dans ce groupe, tout membre peut enregistrer les mots de tout le groupe dans un fichier lisible. À chaque fois, tous les membres peuvent voir que c’est arrivé.',
  'groupSetting.export.sentenceFacilitators': 'Dans ce groupe, seule l’animation enregistre les mots de tout le groupe dans un fichier lisible ; à chaque fois, tous les membres peuvent voir que c’est arrivé. Vous pouvez toujours enregistrer vos propres mots.',
}
