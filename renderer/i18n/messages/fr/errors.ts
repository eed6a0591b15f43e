/** Words for the remaining error codes, French (preview translation). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsFr: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'Hearth n’a pas pu le faire : cette fenêtre a demandé quelque chose qu’il ne connaît pas. Redémarrer Hearth règle en général le problème.',
  'errors.UNTRUSTED_SENDER': 'Hearth a refusé cette demande car elle ne venait pas de sa propre fenêtre. Rien n’a été modifié.',
  'errors.VAULT_MISSING': 'Le fichier de votre profil (vault.hearth) manque dans ce dossier, mais les données du groupe y sont encore. Rien n’a été modifié. Remettez vault.hearth depuis une sauvegarde de ce profil, ou choisissez un autre dossier pour un nouveau profil.',
  'errors.CRYPTO_OPEN_FAILED': 'Hearth n’a pas pu ouvrir ces données, ou quelqu’un les a modifiées. Rien n’a été modifié ici.',
  'errors.CRYPTO_BAD_KEY': 'Une clé reçue par Hearth est abîmée ou peu sûre : Hearth ne l’a pas utilisée.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Quelque chose ne portait pas de signature valide : Hearth ne s’y est pas fié.',
  'errors.BLOCK_MALFORMED': 'Une partie de l’historique du groupe était abîmée : Hearth l’a mise de côté.',
  'errors.BLOCK_TOO_LARGE': 'Une partie de l’historique du groupe était trop grande : Hearth l’a mise de côté.',
  'errors.BLOCK_VERSION': 'Une partie de l’historique du groupe a été écrite par une version plus récente de Hearth. Mettez Hearth à jour pour la lire.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'Une partie de l’historique du groupe est verrouillée avec une clé que cet appareil n’a pas : elle ne peut pas être lue ici.',
  'errors.LOG_CORRUPT': 'Une partie de l’historique de ce groupe sur cet appareil est abîmée. Hearth l’a laissée telle quelle.',
  'errors.LOG_NOT_FROZEN': 'Cet appareil n’est pas en pause, ou sa pause a déjà été levée.',
  'errors.STORE_UNAVAILABLE': 'Hearth n’a pas pu ouvrir l’historique enregistré de ce groupe. Redémarrer Hearth peut aider.',
  'errors.LOG_BEHIND': 'Cet appareil a perdu une partie de ce que vous avez écrit ici récemment. Pour ne jamais vous contredire, il n’écrira plus dans ce groupe avant de retrouver ces mots : restez en ligne pendant qu’un autre membre est en ligne.',
  'errors.LOG_UNCONFIRMED': 'Ce profil a été déplacé ou restauré depuis une copie. Il n’écrira pas dans ce groupe avant qu’un autre membre montre quelle part de son historique il détient : connectez-vous pendant qu’un autre membre est en ligne, ou choisissez « Continuer ici » si aucune autre copie de ce profil n’est utilisée.',
  'errors.NOT_SYNCED_YET': 'L’historique de ce groupe n’est pas encore arrivé sur cet appareil. Rien n’est abîmé : restez en ligne pendant qu’un autre membre l’est aussi, et il apparaîtra.',
  'errors.DECISION_CLOSED': 'Le vote sur cette décision est clos. Le résultat est définitif.',
  'errors.EXPORT_FAILED': 'Hearth n’a pas pu écrire le fichier à cet endroit. Rien n’a été enregistré.',
  'errors.NAME_NOT_ALLOWED': 'Ce nom contient des caractères cachés (invisibles, de direction ou de contrôle) qui pourraient tromper les autres. Veuillez le saisir à nouveau.',
  'errors.NAME_TAKEN': 'Ce nom ressemble exactement à celui d’un autre membre. Veuillez en choisir un autre.',
  'errors.JOIN_ANSWERS_DIFFER': 'Les membres du groupe ont répondu différemment à votre demande : tous ont dit non, mais pour des raisons différentes. L’un d’eux se trompe peut-être, ou ne veut pas que vous entriez. Demandez à la personne qui vous a envoyé l’invitation si elle est toujours valable.',
}
