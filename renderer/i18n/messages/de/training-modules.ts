/**
 * Deutsch (preview): the training modules, translated whole from core/model/data/training.json.
 * `from` is the fingerprint of the English each was made from (renderer/i18n/core-content.ts):
 * when core's English changes, the screen shows the English until this translation is redone.
 */
import type { Modules } from '../../content-types.ts'

export const trainingModulesDe: Modules = {
  'abuse-dynamics': {
    from: '6f4a3b0c',
    title: 'Wie Gewalt in Beziehungen funktioniert',
    summary: 'Die Muster hinter der Gewalt, ihre Formen, und warum Gehen selten einfach ist.',
    sections: [
      { heading: 'Ein Muster der Kontrolle', text: 'Gewalt in Beziehungen ist ein Muster, kein einzelner schlechter Tag. Eine Person arbeitet darauf hin, Macht über die andere zu gewinnen und zu behalten. Einzelne Vorfälle können für sich klein wirken; zusammen prägen sie ein Leben. Viele Betroffene sehen das Muster erst, wenn sie es aufschreiben oder hören, wie jemand anderes dasselbe beschreibt.' },
      { heading: 'Die Formen der Gewalt', text: 'Gewalt kann körperlich oder sexuell sein. Sie kann auch psychisch sein (Beleidigungen, Schuldzuweisungen, jemanden an der eigenen Erinnerung zweifeln lassen), wirtschaftlich (Kontrolle über Geld, Arbeit oder Schulden), digital (das Handy kontrollieren, den Standort verfolgen, Nachrichten lesen), sozial (jemanden von Freundschaften und Familie abschneiden), und sie kann Kinder, Haustiere, den Aufenthaltsstatus oder den Glauben als Druckmittel benutzen. Meist kommen mehrere Formen zusammen vor. Keine davon braucht blaue Flecken, um echt zu sein.' },
      { heading: 'Warum Gehen schwer ist', text: 'Die Gefahr steigt oft, wenn jemand versucht zu gehen. Menschen bleiben aus Sicherheit, wegen der Kinder, des Geldes, der Wohnung, aus Liebe, Hoffnung, Angst, Scham oder wegen des Drucks anderer. Die Frage ist nie „Warum geht sie nicht einfach?“, sondern „Was würde sie sicherer machen, und was will sie?“. Die betroffene Person kennt ihre eigene Lage am besten.' },
    ],
    questions: [
      'Welche Formen von Gewalt in diesem Modul hast du früher nicht als Gewalt gesehen?',
      'Wie könnte ein Mitglied der Gruppe „Warum bist du nicht einfach gegangen?“ heraushören, auch wenn es niemand laut sagt?',
      'Was würdest du jemandem sagen, der sagt: „So schlimm war es nicht, es waren ja nur Worte“?',
    ],
  },
  'active-listening': {
    from: 'dd7c118f',
    title: 'Gut zuhören',
    summary: 'Jemandem die volle Aufmerksamkeit schenken und zeigen, dass er oder sie gehört wurde.',
    sections: [
      { heading: 'Zuerst Aufmerksamkeit', text: 'Gut zuhören beginnt damit, sich nicht zu beeilen. Lass Stille zu. Plane deine Antwort nicht, während die andere Person noch spricht. In einer schreibenden Gruppe lies den ganzen Beitrag, bevor du antwortest, und lies ihn noch einmal.' },
      { heading: 'Spiegeln statt reparieren', text: 'Gib in eigenen Worten wieder, was du gehört hast: „Es klingt, als hättest du dich gefangen gefühlt, als er die Autoschlüssel genommen hat.“ Benenne Gefühle behutsam und lass dich korrigieren. Die meisten Menschen wollen verstanden werden, bevor sie Rat wollen, und viele haben schon reichlich Ratschläge bekommen.' },
      { heading: 'Fragen, die öffnen', text: 'Offene Fragen („Wie war das für dich?“, „Was würde dir jetzt helfen?“) lassen Raum. Fragen, die mit „Warum“ beginnen, können wie ein Vorwurf klingen. Frag, bevor du Ideen anbietest: „Würde es dir helfen zu hören, was mir geholfen hat?“' },
    ],
    questions: [
      'Denk an einen Moment, in dem du dich wirklich gehört gefühlt hast. Was hat die andere Person getan?',
      'Schreib diese Antwort so um, dass sie spiegelt statt repariert: „Du solltest die Polizei rufen.“',
      'Wann fällt es dir am schwersten, still zu bleiben und weiter zuzuhören?',
    ],
  },
  'trauma-informed': {
    from: '399b7103',
    title: 'Traumasensibel reagieren',
    summary: 'Sicherheit, Wahlfreiheit und Vertrauen: wie sich Trauma zeigen kann und wie man reagiert, ohne weiteren Schaden anzurichten.',
    sections: [
      { heading: 'Wie sich Trauma zeigen kann', text: 'Trauma kann sich als Schreckhaftigkeit zeigen, als Taubheit, Konzentrationsprobleme, Wut, Tränen, oder darin, dass jemand gut zurechtzukommen scheint und plötzlich nicht mehr. Das sind verständliche Reaktionen auf Gefahr, keine Charakterschwächen. Jemand wird vielleicht still, verlässt ein Treffen oder schreibt einen Beitrag und löscht ihn wieder.' },
      { heading: 'Sicherheit, Wahl, Kontrolle', text: 'Gewalt nimmt die Wahl, Unterstützung gibt sie zurück. Biete Möglichkeiten an statt Anweisungen. Lass Menschen selbst entscheiden, was sie teilen und wann. Setze Inhaltswarnungen vor Details, die schwer zu lesen sein könnten. Dränge nie auf Einzelheiten des Geschehenen; die Geschichte gehört der Person, die sie erlebt hat.' },
      { heading: 'Wenn jemand überwältigt ist', text: 'Werde langsamer. Sprich kurz und ruhig. Biete an, sich im Hier und Jetzt zu verankern, wenn die Person das möchte: die Füße auf dem Boden, Dinge benennen, die man sieht, ein langsamer Atemzug. Frag, was sie braucht. Wenn jemand in akuter Gefahr sein könnte, ermutige dazu, den Notruf oder ein Hilfetelefon zu kontaktieren; Hearth ist kein Krisendienst.' },
    ],
    questions: [
      'Welche eigenen Reaktionen könnte eine Traumareaktion bei dir auslösen, und woran würdest du das merken?',
      'Wie könntest du eine Wahl anbieten in einem Moment, in dem du gern einen Rat geben würdest?',
      'Welche Inhalte in deiner Gruppe sollten eine Warnung tragen?',
    ],
  },
  'self-care': {
    from: 'd8f43f03',
    title: 'Selbstfürsorge und Erschöpfung',
    summary: 'Andere zu unterstützen ist Arbeit. Die eigenen Grenzen zu bemerken hält dich und die Gruppe gesund.',
    sections: [
      { heading: 'Zeichen, auf die du achten kannst', text: 'Von Gewalt zu hören kann eigene Erinnerungen wecken. Achte auf schlechten Schlaf, auf Widerwillen vor der Gruppe, auf Taubheit oder Gereiztheit, darauf, dass dir die Geschichten anderer nachgehen, wenn du dich ausruhen willst, oder auf das Gefühl, dass alles von dir abhängt. Das sind Zeichen für eine Pause, kein Versagen.' },
      { heading: 'Grenzen sind Fürsorge', text: 'Du kannst andere nur von einem Ort aus unterstützen, an dem du selbst sicher genug bist. Es ist in Ordnung, dir eine Weile eine Auszeit zu nehmen, morgen statt jetzt zu antworten und etwas an eine andere Person aus der Moderation abzugeben. In Hearth sagt „Eine Auszeit nehmen“ der Gruppe freundlich, dass du eine Pause machst.' },
      { heading: 'Deine eigene Unterstützung', text: 'Sorge für Menschen und Orte für dich selbst: eine Freundin oder ein Freund, eine Beratung, ein Spaziergang, Ruhe. Die Moderation kann ihren Austauschbereich nutzen, um mit den anderen in der Moderation zu teilen, was sie belastet, ohne private Details von Mitgliedern zu nennen.' },
    ],
    questions: [
      'Was sind deine frühen Zeichen dafür, dass du eine Pause brauchst?',
      'Wer unterstützt dich, und wann hast du dich zuletzt bei diesen Menschen gemeldet?',
      'Was würde es dir leichter machen, eine Auszeit zu nehmen, wenn du sie brauchst?',
    ],
  },
  facilitating: {
    from: 'c4cf1b41',
    title: 'Eine Gruppe moderieren',
    summary: 'Den Raum halten: Grundregeln, Tempo, Vertraulichkeit und die Last teilen.',
    sections: [
      { heading: 'Den Raum halten', text: 'Wer moderiert, hat nicht die Antworten, sondern hält den Raum sicher genug, damit die Mitglieder ihre eigenen finden. Beginne und beende Treffen jedes Mal auf die gleiche Weise, damit alle wissen, was sie erwartet. Erinnere die Gruppe an die Grundregeln, vor allem an die Vertraulichkeit: Was in der Gruppe geteilt wird, bleibt in der Gruppe.' },
      { heading: 'Tempo und Ausgleich', text: 'Gib stilleren Mitgliedern Raum, ohne sie bloßzustellen. Unterbrich behutsam, wenn jemand schon lange spricht. Wenn eine Geschichte sehr detailliert wird, frag nach, wie es der Gruppe und der sprechenden Person geht. Hör pünktlich auf und lass einen Moment, um in die Gegenwart zurückzukommen.' },
      { heading: 'Sicherheit zuerst', text: 'Wenn jemand in Gefahr sein könnte, sprich vertraulich mit der Person und gib ihr die Hilfetelefone weiter. Gib nie die Daten oder den Aufenthaltsort eines Mitglieds an jemanden außerhalb der Gruppe weiter. Wenn du vermutest, dass eine gewalttätige Person der Gruppe beigetreten ist, sprich mit den anderen in der Moderation, bevor du handelst, und folge den Schritten, auf die sich die Gruppe geeinigt hat.' },
    ],
    questions: [
      'Wie würdest du ein Treffen deiner Gruppe beginnen und beenden?',
      'Was würdest du tun, wenn ein Mitglied ohne Warnung drastische Details beschreibt?',
      'Wie teilen sich die Moderierenden in deiner Gruppe die Last?',
    ],
  },
  'resolving-conflict': {
    from: '8872d529',
    title: 'Konflikte lösen',
    summary: 'Meinungsverschiedenheiten kommen vor. Sie ruhig und fair zu klären hält die Gruppe sicher.',
    sections: [
      { heading: 'Konflikte sind normal', text: 'Menschen, die verletzt wurden, reagieren vielleicht empfindlich auf Tonfall, Kontrolle oder darauf, abgetan zu werden, und das ist verständlich. Ein Konflikt ist kein Scheitern der Gruppe. Wichtig ist, dass niemand dabei beschämt, zum Schweigen gebracht oder von mehreren angegangen wird.' },
      { heading: 'Zuerst ruhig und vertraulich', text: 'Nimm Tempo heraus. Hol einen hitzigen Austausch aus dem gemeinsamen Raum und sprich mit jeder Person einzeln. Hör beide Seiten an, bevor du etwas entscheidest. Beschreibe das Verhalten, nicht die Person: „Diese Antwort hat den Wohnort von jemandem genannt“, nicht „Du bist unvorsichtig“.' },
      { heading: 'Fair und festgehalten', text: 'Nutze die Grundregeln als gemeinsamen Maßstab, damit nicht die Meinung einer Person gegen die einer anderen steht. Entscheide, wo es geht, gemeinsam mit anderen aus der Moderation. Sag offen, was entschieden wurde und warum, ohne private Details zu teilen. Frag danach bei allen Beteiligten nach, wie es ihnen geht.' },
    ],
    questions: [
      'Wie reagierst du meistens, wenn jemand wütend auf dich ist?',
      'Was würdest du einem Mitglied vertraulich sagen, dessen Worte ein anderes Mitglied verletzt haben?',
      'Welche Grundregel deiner Gruppe würde in einem Konflikt am meisten helfen, und warum?',
    ],
  },
}
