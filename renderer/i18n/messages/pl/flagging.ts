/** Flagging a post, the reasons, and the notice on a hidden post, Polish (preview translation). */
import type { flaggingEn } from '../en/flagging.ts'

export const flaggingPl: Record<keyof typeof flaggingEn, string> = {
  'flag.label': 'Zgłoś osobom prowadzącym',
  'flag.legend': 'Którą zasadę grupy to narusza?',
  'flag.hint': 'Osoby prowadzące to przejrzą. Gdy {threshold, plural, one {# osoba to zgłosi} few {# różne osoby to zgłoszą} many {# różnych osób to zgłosi} other {# osoby to zgłoszą}}, zostanie to ukryte przed grupą do czasu przeglądu. Tylko osoby prowadzące widzą, kto zgłosił.',
  'flag.more': 'Chcesz powiedzieć więcej albo nie czujesz się bezpiecznie?',
  'flag.private': 'Napisz prywatnie do osób prowadzących',
  'flag.missing': 'Wybierz powód.',
  'flag.busy': 'Wysyłanie…',
  'flag.submit': 'Zgłoś',
  'flag.cancel': 'Anuluj',
  'reason.rule': 'Zasada {n}: <bdi>{rule}</bdi>',
  'reason.other': 'Coś innego, spoza zasad grupy',
  'reason.otherNoRules': 'Coś innego (ta grupa nie ma jeszcze zasad)',
  'hidden.label': 'Ukryte przed grupą',
  'hidden.byFlags': '<b>Ukryte przed grupą.</b> Osoby z grupy to zgłosiły, więc widzisz to tylko ty, dopóki osoba prowadząca tego nie przejrzy.',
  'hidden.byFacilitator': '<b>Ukryte przed grupą.</b> Osoba prowadząca to ukryła, więc widzisz to tylko ty.',
  'hidden.escalated': 'Poproszono też o rozważenie usunięcia.',
  'hidden.why': 'Powód:',
  'hidden.flags': '<bdi>{reason}</bdi> ({count, plural, one {# zgłoszenie} few {# zgłoszenia} many {# zgłoszeń} other {# zgłoszenia}})',
  'hidden.note': 'Ich uwaga: „<bdi>{note}</bdi>”',
  'hidden.edit': 'Możesz to edytować; osoby prowadzące zobaczą, że to zrobiono. Nikt inny nigdy nie zmienia twoich słów.',
  'hidden.ask': 'Zapytaj o to osoby prowadzące',
}
