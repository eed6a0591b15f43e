/**
 * Français (preview): the ground-rule templates Hearth offers and the hotline list's descriptive
 * words, translated from core's English (core/model/data). `from` is the fingerprint of the English
 * each template was made from (renderer/i18n/core-content.ts); numbers and names are not translated.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsFr: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'Cercle de soutien entre pairs',
      summary: 'Pour un groupe mené par des survivant·es, où les membres tiennent l’espace à tour de rôle.',
      rules: [
        'Ce qui se dit ici reste ici. Ne partagez pas hors du groupe les mots, le nom ou l’histoire de quiconque, et ne les enregistrez ni ne les copiez.',
        'Écoutez sans juger. Chaque histoire est crue, et personne n’a à justifier ce qu’il ou elle a fait pour rester en sécurité.',
        'Pas de conseil sans demande. Parlez de votre propre expérience (« ce qui m’a aidé·e, c’est… ») plutôt que de dire aux autres quoi faire.',
        'Prendre du recul, c’est permis. Vous pouvez lire sans écrire, quitter une conversation ou faire une pause à tout moment sans vous expliquer.',
        'Utilisez seulement votre nom de groupe. Ne partagez pas de détails qui pourraient vous identifier, vous ou d’autres : adresses, lieux de travail, prénoms ou écoles des enfants.',
        'Prudence avec les détails durs. Mettez un avertissement de contenu avant toute description de violence, et laissez de côté les détails crus.',
        'Les personnes qui animent tiennent l’espace : elles font respecter ces règles, peuvent masquer un message qui les enfreint, et vous pouvez les joindre en privé pour tout ce qui vous inquiète.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'Groupe de soutien animé',
      summary: 'Pour un groupe mené par une ou un psychologue, ou une personne qui accompagne les victimes.',
      rules: [
        'Confidentialité : ce que partagent les membres reste dans le groupe. Avant toute chose, les personnes qui animent expliquent les quelques limites de la confidentialité (comme un danger pour la vie d’un enfant).',
        'Respectez le rythme de chacun et chacune. Personne n’est invité à partager plus qu’il ou elle ne le souhaite.',
        'Écoutez pour comprendre, pas pour juger ni réparer. Ne donnez un conseil que si on vous le demande.',
        'Parlez pour vous. Partagez votre propre expérience plutôt que de deviner celle des autres.',
        'Faire une pause ou partir est toujours permis, et personne ne demandera pourquoi.',
        'Veillons les uns sur les autres : aucun détail identifiant, et un avertissement de contenu avant tout passage éprouvant.',
        'Les personnes qui animent guident le groupe, font respecter ces règles, répondent aux questions en privé et orientent vers une aide professionnelle quand il le faut. Elles ne sont pas un service d’urgence.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'Une version courte',
      summary: 'Cinq règles simples pour un petit groupe qui veut commencer simplement.',
      rules: [
        'Ce qui est partagé ici reste ici.',
        'Écoutez sans juger.',
        'Pas de conseil si personne n’en demande.',
        'On peut prendre du recul à tout moment.',
        'Les personnes qui animent font respecter ces règles et peuvent être jointes en privé.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'Hearth n’est pas un service d’urgence. Cette liste a été établie le 2026-11-24 à partir des numéros que ces organismes publient sur leurs propres sites (la source de chaque ligne est indiquée). Elle n’a PAS été vérifiée en direct depuis cet ordinateur, qui n’a pas accès à internet ; numéros et horaires peuvent changer, vérifiez donc la source quand vous le pouvez. En cas de danger immédiat, appelez le numéro d’urgence local.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'Le Canada n’a pas de ligne nationale unique contre la violence conjugale : chaque province et territoire a ses propres lignes de crise et d’hébergement. Le gouvernement du Canada les répertorie par province et territoire.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'Cette ligne couvre l’Angleterre ; l’Écosse, le pays de Galles et l’Irlande du Nord ont leurs propres services.',
    '24 hours, every day': '24 h sur 24, tous les jours',
    '24 hours, every day; free and anonymous': '24 h sur 24, tous les jours ; gratuit et anonyme',
    '24 hours, every day; free, in many languages': '24 h sur 24, tous les jours ; gratuit, en de nombreuses langues',
    '24 hours, every day; free': '24 h sur 24, tous les jours ; gratuit',
    'Text START to 88788': 'Envoyez START par SMS au 88788',
    '17 (police) or 112': '17 (police) ou 112',
    '112 or 999': '112 ou 999',
  },
}
