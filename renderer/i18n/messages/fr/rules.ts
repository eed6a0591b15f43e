/** The ground-rules editor's own words, in French (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesFr: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'Partir d’un modèle (facultatif)',
  'rulesEditor.chooseTemplate': 'Choisissez un modèle…',
  'rulesEditor.useTemplate': 'Utiliser ce modèle',
  'rulesEditor.templateHelp': 'Tiré de la pratique du soutien entre pairs. Il remplace ce qui est dans la zone ci-dessous ; modifiez-en ce que vous voulez avant d’enregistrer.',
  'rulesEditor.label': 'Les règles du groupe',
  'rulesEditor.help': 'Une règle par ligne ; elles sont numérotées à l’affichage, pour qu’un signalement puisse nommer « la règle 3 ». Les membres les lisent et les acceptent avant de publier. Enregistrer un changement demande à chaque membre d’accepter la nouvelle version.',
  'rulesEditor.empty': 'Écrivez d’abord les règles, s’il vous plaît.',
  'rulesEditor.busy': 'Enregistrement…',
  'rulesEditor.submit': 'Enregistrer les règles du groupe',
  'rulesEditor.cancel': 'Annuler',
}
