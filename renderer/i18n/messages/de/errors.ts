/** Words for the remaining error codes, German (preview translation, informal "du"). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsDe: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'Hearth konnte das nicht tun: Dieses Fenster hat etwas verlangt, das Hearth nicht kennt. Ein Neustart von Hearth hilft meistens.',
  'errors.UNTRUSTED_SENDER': 'Hearth hat diese Anfrage abgelehnt, weil sie nicht aus Hearths eigenem Fenster kam. Nichts wurde verändert.',
  'errors.VAULT_MISSING': 'Die Datei deines Profils (vault.hearth) fehlt in diesem Ordner, aber die Daten der Gruppe sind noch da. Nichts wurde verändert. Lege vault.hearth aus einer Sicherung dieses Profils zurück, oder wähle einen anderen Ordner für ein neues Profil.',
  'errors.CRYPTO_OPEN_FAILED': 'Hearth konnte diese Daten nicht öffnen, oder jemand hat sie verändert. Hier wurde nichts verändert.',
  'errors.CRYPTO_BAD_KEY': 'Ein Schlüssel, den Hearth bekommen hat, ist beschädigt oder unsicher. Hearth hat ihn nicht benutzt.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Etwas trug keine gültige Signatur, deshalb hat Hearth ihm nicht vertraut.',
  'errors.BLOCK_MALFORMED': 'Ein Stück vom Verlauf der Gruppe war beschädigt. Hearth hat es beiseitegelegt.',
  'errors.BLOCK_TOO_LARGE': 'Ein Stück vom Verlauf der Gruppe war zu groß. Hearth hat es beiseitegelegt.',
  'errors.BLOCK_VERSION': 'Ein Stück vom Verlauf der Gruppe wurde mit einer neueren Version von Hearth geschrieben. Aktualisiere Hearth, um es zu lesen.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'Ein Stück vom Verlauf der Gruppe ist mit einem Schlüssel verschlossen, den dieses Gerät nicht hat. Hier kann es nicht gelesen werden.',
  'errors.LOG_CORRUPT': 'Ein Teil vom Verlauf dieser Gruppe auf diesem Gerät ist beschädigt. Hearth hat ihn so gelassen, wie er ist.',
  'errors.LOG_NOT_FROZEN': 'Dieses Gerät ist nicht pausiert, oder seine Pause wurde schon aufgehoben.',
  'errors.STORE_UNAVAILABLE': 'Hearth konnte den gespeicherten Verlauf dieser Gruppe nicht öffnen. Ein Neustart von Hearth kann helfen.',
  'errors.LOG_BEHIND': 'Dieses Gerät hat einen Teil von dem verloren, was du hier zuletzt geschrieben hast. Damit es dir nie widerspricht, schreibt es in dieser Gruppe nichts, bis es diese Worte zurückhat: Bleib online, während ein anderes Mitglied online ist.',
  'errors.LOG_UNCONFIRMED': 'Dieses Profil wurde verschoben oder aus einer Kopie wiederhergestellt. Es schreibt in dieser Gruppe nichts, bis ein anderes Mitglied zeigt, wie viel von seinem Verlauf es hat: Geh online, während ein anderes Mitglied online ist, oder wähle „Hier weitermachen“, wenn keine andere Kopie dieses Profils benutzt wird.',
  'errors.NOT_SYNCED_YET': 'Der Verlauf dieser Gruppe ist noch nicht auf diesem Gerät angekommen. Nichts ist beschädigt: Bleib online, während ein anderes Mitglied online ist, dann erscheint er.',
  'errors.DECISION_CLOSED': 'Die Abstimmung über diese Entscheidung ist beendet. Das Ergebnis steht fest.',
  'errors.EXPORT_FAILED': 'Hearth konnte die Datei dort nicht schreiben. Nichts wurde gespeichert.',
  'errors.NAME_NOT_ALLOWED': 'Dieser Name enthält versteckte Zeichen (unsichtbare, Richtungs- oder Steuerzeichen), die andere täuschen könnten. Bitte tippe ihn noch einmal.',
  'errors.NAME_TAKEN': 'Dieser Name sieht genauso aus wie der eines anderen Mitglieds. Bitte wähle einen anderen.',
  'errors.JOIN_ANSWERS_DIFFER': 'Mitglieder der Gruppe haben deine Anfrage unterschiedlich beantwortet: Alle haben abgelehnt, aber aus verschiedenen Gründen. Jemand davon irrt sich vielleicht oder möchte nicht, dass du beitrittst. Frag die Person, die dich eingeladen hat, ob die Einladung noch gilt.',
}
