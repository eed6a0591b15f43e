/** Keeper-only mode in Settings and the sync line, French (preview translation). */
import type { keeperOnlyEn } from '../en/keeper-only.ts'

export const keeperOnlyFr: Record<keyof typeof keeperOnlyEn, string> = {
  'keeperOnly.title': 'Cacher votre adresse internet aux autres membres',
  'keeperOnly.switch': 'Synchroniser uniquement par le gardien du groupe',
  'keeperOnly.help': 'Quand ceci est activé, dans les groupes qui ont un gardien, Hearth se connecte seulement au gardien. Les autres membres ne voient jamais votre adresse internet, qui peut montrer à peu près où vous êtes. Le prix : quand le gardien est éteint, rien ne se synchronise avant son retour. Rejoindre un nouveau groupe vous connecte quand même une fois au membre qui vous fait entrer.',
  'keeperOnly.nowOn': 'Activé. Dans les groupes avec un gardien, vous synchronisez uniquement par le gardien.',
  'keeperOnly.nowOff': 'Désactivé. Vous vous connectez directement aux autres membres, qui peuvent donc voir votre adresse internet.',
  'keeperOnly.sync.down': '<b>Aucun gardien joignable.</b> Vous synchronisez uniquement par le gardien du groupe, et il est injoignable pour l’instant. Vos mots restent sur cet appareil jusqu’à son retour.',
  'keeperOnly.sync.note': 'Uniquement par le gardien : les autres membres ne voient pas votre adresse internet.',
}
