/**
 * Deutsch (preview): the ground-rule templates Hearth offers and the hotline list's descriptive
 * words, translated from core's English (core/model/data). `from` is the fingerprint of the English
 * each template was made from (renderer/i18n/core-content.ts); numbers and names are not translated.
 */
import type { CoreWords } from '../../content-types.ts'

export const coreWordsDe: CoreWords = {
  templates: {
    'peer-circle': {
      from: '8dd74255',
      title: 'Selbsthilfekreis',
      summary: 'Für eine von Betroffenen geleitete Gruppe, in der die Mitglieder abwechselnd den Raum halten.',
      rules: [
        'Was hier gesagt wird, bleibt hier. Gib niemandes Worte, Namen oder Geschichte außerhalb der Gruppe weiter, und speichere oder kopiere sie nicht.',
        'Hör zu, ohne zu urteilen. Jeder Geschichte wird geglaubt, und niemand muss rechtfertigen, was sie oder er getan hat, um sicher zu bleiben.',
        'Keine Ratschläge, wenn niemand fragt. Sprich aus deiner eigenen Erfahrung („Mir hat geholfen …“), statt anderen zu sagen, was sie tun sollen.',
        'Eine Auszeit ist in Ordnung. Du kannst lesen, ohne zu schreiben, ein Gespräch verlassen oder jederzeit eine Pause machen, ohne etwas zu erklären.',
        'Verwende nur deinen Gruppennamen. Teile keine Angaben, die dich oder andere erkennbar machen: Adressen, Arbeitsstellen, Namen oder Schulen von Kindern.',
        'Vorsicht mit schweren Details. Setze eine Inhaltswarnung vor Beschreibungen von Gewalt, und lass drastische Einzelheiten weg.',
        'Die Moderation hält den Raum: Sie achtet auf diese Regeln, kann einen Beitrag ausblenden, der gegen sie verstößt, und ist vertraulich erreichbar für alles, was dich beunruhigt.',
      ],
    },
    'facilitated-group': {
      from: 'dbf4aeae',
      title: 'Angeleitete Selbsthilfegruppe',
      summary: 'Für eine Gruppe, die von einer Beraterin, einem Berater oder einer Fachstelle geleitet wird.',
      rules: [
        'Vertraulichkeit: Was Mitglieder teilen, bleibt in der Gruppe. Die Moderation erklärt vor allem anderen die wenigen Grenzen der Vertraulichkeit (etwa eine Gefahr für das Leben eines Kindes).',
        'Achte das Tempo jeder Person. Niemand wird gebeten, mehr zu teilen, als sie oder er möchte.',
        'Hör zu, um zu verstehen, nicht um zu urteilen oder zu reparieren. Gib Rat nur, wenn jemand danach fragt.',
        'Sprich für dich. Teile deine eigene Erfahrung, statt die Erfahrung anderer zu erraten.',
        'Eine Pause zu machen oder zu gehen ist immer in Ordnung, und niemand fragt nach dem Grund.',
        'Wir schützen einander: keine Angaben, die jemanden erkennbar machen, und eine Inhaltswarnung vor belastenden Inhalten.',
        'Die Moderation leitet die Gruppe, achtet auf diese Regeln, beantwortet Fragen vertraulich und verweist auf fachliche Hilfe, wenn sie nötig ist. Sie ist kein Krisendienst.',
      ],
    },
    short: {
      from: 'a9134359',
      title: 'Kurze Fassung',
      summary: 'Fünf einfache Regeln für eine kleine Gruppe, die einfach anfangen möchte.',
      rules: [
        'Was hier geteilt wird, bleibt hier.',
        'Zuhören, ohne zu urteilen.',
        'Keine Ratschläge, wenn niemand danach fragt.',
        'Eine Auszeit ist jederzeit in Ordnung.',
        'Die Moderation achtet auf diese Regeln und ist vertraulich erreichbar.',
      ],
    },
  },
  hotlines: {
    'Hearth is not a crisis service. This list was compiled on 2026-11-24 from the numbers these organisations publish on their own websites (the source of each line is given). It was NOT checked live from this computer, which has no internet access; numbers and hours can change, so check the source when you can. In immediate danger, call your local emergency number.':
      'Hearth ist kein Krisendienst. Diese Liste wurde am 2026-11-24 aus den Nummern zusammengestellt, die diese Organisationen auf ihren eigenen Websites veröffentlichen (die Quelle jeder Nummer ist angegeben). Sie wurde NICHT live von diesem Computer aus geprüft, der keinen Internetzugang hat; Nummern und Zeiten können sich ändern, prüfe also die Quelle, wenn du kannst. In akuter Gefahr ruf die örtliche Notrufnummer an.',
    'Canada has no single national domestic-abuse hotline: each province and territory runs its own crisis and shelter lines. The Government of Canada lists them by province and territory.':
      'Kanada hat kein einheitliches nationales Hilfetelefon bei häuslicher Gewalt: Jede Provinz und jedes Territorium betreibt eigene Krisen- und Schutzhaus-Telefone. Die kanadische Regierung listet sie nach Provinz und Territorium auf.',
    'This helpline serves England; Scotland, Wales and Northern Ireland have their own services.':
      'Dieses Hilfetelefon ist für England; Schottland, Wales und Nordirland haben eigene Angebote.',
    '24 hours, every day': 'Rund um die Uhr, jeden Tag',
    '24 hours, every day; free and anonymous': 'Rund um die Uhr, jeden Tag; kostenlos und anonym',
    '24 hours, every day; free, in many languages': 'Rund um die Uhr, jeden Tag; kostenlos, in vielen Sprachen',
    '24 hours, every day; free': 'Rund um die Uhr, jeden Tag; kostenlos',
    'Text START to 88788': 'SMS mit START an 88788',
    '17 (police) or 112': '17 (Polizei) oder 112',
    '112 or 999': '112 oder 999',
  },
}
