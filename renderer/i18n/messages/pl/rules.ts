/** The ground-rules editor's own words, in Polish (preview: written by the Hearth team, awaiting review by native-speaking advocates). */
import type { rulesEn } from '../en/rules.ts'

export const rulesPl: Record<keyof typeof rulesEn, string> = {
  'rulesEditor.template': 'Zacznij od szablonu (opcjonalnie)',
  'rulesEditor.chooseTemplate': 'Wybierz szablon…',
  'rulesEditor.useTemplate': 'Użyj tego szablonu',
  'rulesEditor.templateHelp': 'Oparty na praktyce wsparcia rówieśniczego. Zastępuje to, co jest w polu poniżej; zmień, co chcesz, przed zapisaniem.',
  'rulesEditor.label': 'Zasady grupy',
  'rulesEditor.help': 'Jedna zasada w wierszu; przy wyświetlaniu są numerowane, więc zgłoszenie może wskazać „zasadę 3”. Osoby w grupie czytają je i akceptują, zanim coś napiszą. Zapisanie zmiany prosi każdą osobę o zaakceptowanie nowej wersji.',
  'rulesEditor.empty': 'Najpierw napisz zasady.',
  'rulesEditor.busy': 'Zapisywanie…',
  'rulesEditor.submit': 'Zapisz zasady grupy',
  'rulesEditor.cancel': 'Anuluj',
}
