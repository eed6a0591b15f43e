/** The safety notice: what Hearth can and cannot protect, German (preview translation). */
import type { noticeEn } from '../en/notice.ts'

export const noticeDe: Record<keyof typeof noticeEn, string> = {
  'notice.title.first': 'Bevor du anfängst',
  'notice.title.again': 'Was Hearth schützen kann und was nicht',
  'notice.does.title': 'Was Hearth tut',
  'notice.does.encrypted': 'Alles, was Hearth auf diesem Computer speichert, ist verschlüsselt und mit einer Passphrase gesperrt, die nur du kennst.',
  'notice.does.messages': 'Die Nachrichten deiner Gruppe werden verschlüsselt, bevor sie diesen Computer verlassen. Kein Server einer Firma speichert sie.',
  'notice.does.quickExit': '<b>Schnell weg</b> (die Schaltfläche oben auf jeder Seite oder dreimal Escape) versteckt Hearth sofort und sperrt es.',
  'notice.does.sleep': 'Hearth sperrt sich selbst, wenn der Computer in den Ruhezustand geht oder der Bildschirm gesperrt wird.',
  'notice.cannot.title': 'Wovor Hearth nicht schützen kann',
  'notice.cannot.monitoring': '<b>Überwachungssoftware auf diesem Gerät</b> (auch Stalkerware genannt) kann sehen, was auf dem Bildschirm ist und was du tippst, auch in Hearth. Wenn du glaubst, dass dieses Gerät überwacht wird, nutze wenn möglich ein sichereres, zum Beispiel einen Computer in einer Bibliothek oder bei einer Person, der du vertraust.',
  'notice.cannot.passphrase': '<b>Wer deine Passphrase kennt</b>, sie errät oder dir beim Tippen zusieht, kann dein Profil öffnen.',
  'notice.cannot.unlocked': 'Solange Hearth entsperrt ist, kann jede Person an diesem Computer alles darin lesen. Sperre es oder nutze „Schnell weg“, wenn du weggehst.',
  'notice.cannot.traces': 'Wer diesen Computer durchsucht, kann bemerken, dass Hearth installiert ist. <b>Deinstallieren hinterlässt Spuren</b>, etwa Ordner und Einträge in den eigenen Aufzeichnungen des Systems.',
  'notice.cannot.recovery': '<b>Eine vergessene Passphrase lässt sich nicht wiederherstellen</b>, weder von dir noch von sonst jemandem.',
  'notice.crisis': 'Hearth ist ein Ort für gegenseitige Unterstützung, kein Krisendienst. Wenn du in Gefahr bist, wende dich an den örtlichen Notruf.',
  'notice.continue': 'Verstanden, weiter',
  'notice.back': 'Zurück',
}
