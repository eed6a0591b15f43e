/**
 * Polski (preview): the ground-rule templates Hearth offers and the hotline list's descriptive
 * words, translated from core's English (core/model/data). `from` is the fingerprint of the English
 * each template was made from (renderer/i18n/core-content.ts); numbers and names are not translated.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsPl: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'Krąg wsparcia rówieśniczego',
      summary: 'Dla grupy prowadzonej przez osoby, które przeżyły przemoc, w której członkowie na zmianę dbają o przestrzeń.',
      rules: [
        'Co zostało tu powiedziane, zostaje tutaj. Nie przekazuj poza grupę niczyich słów, imienia ani historii, nie zapisuj ich i nie kopiuj.',
        'Słuchaj bez oceniania. Każdej historii się wierzy i nikt nie musi tłumaczyć się z tego, co zrobił, żeby być bezpiecznym.',
        'Bez rad, jeśli nikt o nie nie prosi. Mów z własnego doświadczenia („mnie pomogło…”), zamiast mówić innym, co mają robić.',
        'Przerwa jest w porządku. Możesz czytać bez pisania, wyjść z rozmowy albo odpocząć w każdej chwili, bez tłumaczenia się.',
        'Używaj tylko swojego imienia w grupie. Nie podawaj danych, które mogą zdradzić ciebie lub innych: adresów, miejsc pracy, imion dzieci ani ich szkół.',
        'Ostrożnie z trudnymi szczegółami. Przed opisem przemocy dodaj ostrzeżenie o treści i pomijaj drastyczne szczegóły.',
        'Osoby prowadzące dbają o przestrzeń: pilnują tych zasad, mogą ukryć wpis, który je łamie, i można do nich napisać prywatnie o wszystkim, co cię niepokoi.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'Grupa wsparcia z osobą prowadzącą',
      summary: 'Dla grupy prowadzonej przez terapeutkę, terapeutę lub osobę wspierającą z organizacji.',
      rules: [
        'Poufność: to, czym dzielą się członkowie, zostaje w grupie. Na samym początku osoby prowadzące wyjaśniają nieliczne granice poufności (na przykład zagrożenie życia dziecka).',
        'Szanuj tempo każdej osoby. Nikt nie jest proszony, by mówić więcej, niż chce.',
        'Słuchaj, żeby zrozumieć, a nie oceniać czy naprawiać. Radź tylko wtedy, gdy ktoś o to prosi.',
        'Mów w swoim imieniu. Dziel się własnym doświadczeniem, zamiast zgadywać cudze.',
        'Przerwa albo wyjście są zawsze w porządku i nikt nie zapyta dlaczego.',
        'Dbamy o swoje bezpieczeństwo: żadnych danych, które kogoś zdradzają, i ostrzeżenie przed trudnymi treściami.',
        'Osoby prowadzące kierują grupą, pilnują tych zasad, odpowiadają na pytania prywatnie i wskazują profesjonalną pomoc, gdy jest potrzebna. Nie są usługą kryzysową.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'Krótki zestaw',
      summary: 'Pięć prostych zasad dla małej grupy, która chce zacząć zwyczajnie.',
      rules: [
        'Co zostało tu powiedziane, zostaje tutaj.',
        'Słuchamy bez oceniania.',
        'Bez rad, jeśli nikt o nie nie prosi.',
        'Przerwa jest w porządku w każdej chwili.',
        'Osoby prowadzące pilnują tych zasad i można do nich napisać prywatnie.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'Hearth nie jest usługą kryzysową. Tę listę zebrano 2026-11-24 z numerów, które te organizacje publikują na własnych stronach (przy każdym numerze jest źródło). NIE została sprawdzona na żywo z tego komputera, który nie ma dostępu do internetu; numery i godziny mogą się zmienić, więc sprawdź źródło, gdy tylko możesz. W bezpośrednim zagrożeniu zadzwoń pod lokalny numer alarmowy.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'Kanada nie ma jednego krajowego telefonu dla osób doznających przemocy domowej: każda prowincja i terytorium prowadzi własne telefony kryzysowe i schroniska. Rząd Kanady wymienia je według prowincji i terytoriów.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'Ten telefon obsługuje Anglię; Szkocja, Walia i Irlandia Północna mają własne służby.',
    '24 hours, every day': 'Całą dobę, codziennie',
    '24 hours, every day; free and anonymous': 'Całą dobę, codziennie; bezpłatnie i anonimowo',
    '24 hours, every day; free, in many languages': 'Całą dobę, codziennie; bezpłatnie, w wielu językach',
    '24 hours, every day; free': 'Całą dobę, codziennie; bezpłatnie',
    'Text START to 88788': 'Wyślij SMS o treści START na numer 88788',
    '17 (police) or 112': '17 (policja) lub 112',
    '112 or 999': '112 lub 999',
  },
}
