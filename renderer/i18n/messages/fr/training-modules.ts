/**
 * Français (preview): the training modules, translated whole from core/model/data/training.json.
 * `from` is the fingerprint of the English each was made from (renderer/i18n/core-content.ts):
 * when core's English changes, the screen shows the English until this translation is redone.
 */
import type { Modules } from '../../content-types.ts'

export const trainingModulesFr: Modules = {
  'abuse-dynamics': {
    from: '6f4a3b0c',
    title: 'Comment fonctionnent les violences conjugales',
    summary: 'Les mécanismes derrière les violences, les formes qu’elles prennent, et pourquoi partir est rarement simple.',
    sections: [
      { heading: 'Un mécanisme d’emprise', text: 'Les violences conjugales sont un mécanisme, pas une mauvaise journée isolée. Une personne cherche à prendre et à garder le pouvoir sur l’autre. Chaque épisode peut sembler petit en soi ; ensemble, ils façonnent une vie. Beaucoup de victimes ne voient le mécanisme qu’en le mettant par écrit, ou en entendant quelqu’un d’autre décrire la même chose.' },
      { heading: 'Les formes qu’elles prennent', text: 'Les violences peuvent être physiques ou sexuelles. Elles peuvent aussi être psychologiques (insultes, reproches, faire douter quelqu’un de sa propre mémoire), économiques (contrôler l’argent, le travail ou les dettes), numériques (fouiller le téléphone, suivre la localisation, lire les messages), sociales (couper quelqu’un de ses proches), et elles peuvent se servir des enfants, des animaux, du statut de séjour ou de la foi comme moyen de pression. Plusieurs formes vont généralement ensemble. Aucune n’a besoin de bleus pour être réelle.' },
      { heading: 'Pourquoi partir est difficile', text: 'Le danger augmente souvent quand quelqu’un essaie de partir. On reste pour sa sécurité, pour les enfants, pour l’argent, pour le logement, par amour, par espoir, par peur, par honte ou sous la pression des autres. La question n’est jamais « pourquoi ne part-elle pas ? » mais « qu’est-ce qui la mettrait davantage en sécurité, et que veut-elle ? ». La personne concernée est la mieux placée pour connaître sa propre situation.' },
    ],
    questions: [
      'Quelles formes de violence de ce module ne considériez-vous pas comme des violences auparavant ?',
      'Comment une personne du groupe pourrait-elle entendre « pourquoi n’es-tu pas simplement partie ? », même quand personne ne le dit à voix haute ?',
      'Que diriez-vous à quelqu’un qui dit « ce n’était pas si grave, ce n’étaient que des mots » ?',
    ],
  },
  'active-listening': {
    from: 'dd7c118f',
    title: 'Bien écouter',
    summary: 'Accorder à quelqu’un toute son attention, et lui montrer qu’il ou elle a été entendu·e.',
    sections: [
      { heading: 'D’abord l’attention', text: 'Bien écouter commence par ne pas se presser. Laissez les silences exister. Évitez de préparer votre réponse pendant que l’autre parle encore. Dans un groupe écrit, lisez tout le message avant de répondre, puis relisez-le.' },
      { heading: 'Refléter, pas réparer', text: 'Redites ce que vous avez entendu, avec vos propres mots : « On dirait que tu t’es sentie piégée quand il a pris les clés de la voiture. » Nommez les émotions avec douceur et laissez la personne vous corriger. La plupart des gens veulent être compris avant de recevoir des conseils, et beaucoup en ont déjà reçu plus que leur part.' },
      { heading: 'Des questions qui ouvrent', text: 'Les questions ouvertes (« Comment l’as-tu vécu ? », « Qu’est-ce qui t’aiderait maintenant ? ») laissent de la place. Les questions qui commencent par « pourquoi » peuvent sonner comme un reproche. Demandez avant de proposer des idées : « Est-ce que ça t’aiderait de savoir ce qui a marché pour moi ? »' },
    ],
    questions: [
      'Pensez à un moment où vous vous êtes senti·e vraiment écouté·e. Qu’a fait l’autre personne ?',
      'Réécrivez cette réponse pour qu’elle reflète au lieu de réparer : « Tu devrais appeler la police. »',
      'Quand vous est-il le plus difficile de vous taire et de continuer à écouter ?',
    ],
  },
  'trauma-informed': {
    from: '399b7103',
    title: 'Réagir en tenant compte du trauma',
    summary: 'Sécurité, choix et confiance : comment le trauma peut se manifester, et comment réagir sans ajouter de mal.',
    sections: [
      { heading: 'Comment le trauma peut se manifester', text: 'Le trauma peut se manifester par des sursauts, un engourdissement, du mal à se concentrer, de la colère, des larmes, ou le fait de sembler aller bien puis soudain plus du tout. Ce sont des réactions compréhensibles face au danger, pas des défauts de caractère. Quelqu’un peut se taire, quitter une rencontre, ou publier un message puis l’effacer.' },
      { heading: 'Sécurité, choix, maîtrise', text: 'Les violences enlèvent le choix ; le soutien le rend. Proposez des options plutôt que des consignes. Laissez chacun et chacune décider quoi partager, et quand. Utilisez des avertissements de contenu pour les détails qui peuvent être durs à lire. N’insistez jamais pour connaître les détails de ce qui s’est passé ; l’histoire appartient à la personne qui l’a vécue.' },
      { heading: 'Quand quelqu’un est submergé', text: 'Ralentissez. Gardez des phrases courtes et calmes. Proposez de s’ancrer si la personne le souhaite : les pieds au sol, nommer ce qu’elle voit, une respiration lente. Demandez-lui ce dont elle a besoin. Si quelqu’un est peut-être en danger immédiat, encouragez-le à contacter les services d’urgence ou une ligne d’écoute ; Hearth n’est pas un service d’urgence.' },
    ],
    questions: [
      'Quelles réactions une réponse traumatique pourrait-elle éveiller en vous, et comment le remarqueriez-vous ?',
      'Comment pourriez-vous proposer un choix à un moment où vous avez envie de donner un conseil ?',
      'Quels contenus de votre groupe devraient porter un avertissement ?',
    ],
  },
  'self-care': {
    from: 'd8f43f03',
    title: 'Prendre soin de soi et épuisement',
    summary: 'Soutenir les autres est un travail. Repérer ses limites vous garde en forme, vous et le groupe.',
    sections: [
      { heading: 'Les signes à repérer', text: 'Entendre parler de violences peut réveiller vos propres souvenirs. Soyez attentif·ve aux troubles du sommeil, à l’appréhension avant le groupe, au sentiment d’être engourdi·e ou irritable, aux histoires des autres qui reviennent quand vous voulez vous reposer, ou à l’impression que tout repose sur vous. Ce sont des signaux pour faire une pause, pas des échecs.' },
      { heading: 'Les limites sont du soin', text: 'On ne peut soutenir les autres que depuis un endroit où l’on est soi-même suffisamment en sécurité. Vous avez le droit de prendre du recul un moment, de répondre demain plutôt que maintenant, et de passer le relais à une autre personne qui anime. Dans Hearth, « prendre du recul » prévient le groupe avec douceur que vous faites une pause.' },
      { heading: 'Votre propre soutien', text: 'Ayez des personnes et des lieux pour vous : une amie ou un ami, une ou un psychologue, une promenade, du repos. Les personnes qui animent peuvent utiliser leur espace d’échange pour dire ce qui leur pèse aux autres personnes qui animent, sans nommer les détails privés des membres.' },
    ],
    questions: [
      'Quels sont vos premiers signes que vous avez besoin d’une pause ?',
      'Qui vous soutient, et quand lui avez-vous fait signe pour la dernière fois ?',
      'Qu’est-ce qui vous aiderait à prendre du recul quand vous en avez besoin ?',
    ],
  },
  facilitating: {
    from: 'c4cf1b41',
    title: 'Animer un groupe',
    summary: 'Tenir l’espace : règles de base, rythme, confidentialité et partage de la charge.',
    sections: [
      { heading: 'Tenir l’espace', text: 'La personne qui anime n’a pas les réponses ; elle garde l’espace assez sûr pour que les membres trouvent les leurs. Ouvrez et fermez les rencontres de la même façon à chaque fois, pour que chacun sache à quoi s’attendre. Rappelez au groupe les règles de base, surtout la confidentialité : ce qui est partagé dans le groupe reste dans le groupe.' },
      { heading: 'Rythme et équilibre', text: 'Faites de la place aux membres plus discrets sans les mettre en difficulté. Interrompez avec douceur quelqu’un qui parle depuis longtemps. Si un récit devient très détaillé, prenez des nouvelles du groupe et de la personne qui parle. Terminez à l’heure, et gardez un moment pour revenir au présent.' },
      { heading: 'La sécurité d’abord', text: 'Si quelqu’un est peut-être en danger, parlez-lui en privé et donnez-lui les lignes d’écoute. Ne partagez jamais les coordonnées ou la localisation d’un membre avec quiconque hors du groupe. Si vous soupçonnez qu’un agresseur a rejoint le groupe, parlez-en aux autres personnes qui animent avant d’agir, et suivez les étapes convenues par le groupe.' },
    ],
    questions: [
      'Comment ouvririez-vous et fermeriez-vous une rencontre de votre groupe ?',
      'Que feriez-vous si un membre commençait à décrire des détails crus sans avertissement ?',
      'Comment les personnes qui animent votre groupe se partagent-elles la charge ?',
    ],
  },
  'resolving-conflict': {
    from: '8872d529',
    title: 'Résoudre les conflits',
    summary: 'Les désaccords arrivent. Les traiter avec calme et équité garde le groupe sûr.',
    sections: [
      { heading: 'Le conflit est normal', text: 'Les personnes qui ont été blessées peuvent être sensibles au ton, au contrôle ou au fait d’être rabaissées, et c’est compréhensible. Un conflit n’est pas un échec du groupe. Ce qui compte, c’est de le traiter sans que personne soit humilié, réduit au silence ou pris à partie par plusieurs.' },
      { heading: 'D’abord le calme, en privé', text: 'Ralentissez. Sortez un échange tendu de l’espace commun et parlez en privé avec chaque personne. Écoutez chaque partie avant de décider quoi que ce soit. Décrivez le comportement, pas la personne : « Cette réponse nommait la ville de quelqu’un », et non « Tu es négligent·e ».' },
      { heading: 'Équitable et consigné', text: 'Appuyez-vous sur les règles de base comme référence commune, pour que ce ne soit pas l’avis d’une personne contre celui d’une autre. Décidez avec d’autres personnes qui animent quand c’est possible. Dites clairement ce qui a été décidé et pourquoi, sans partager de détails privés. Prenez ensuite des nouvelles de toutes les personnes concernées.' },
    ],
    questions: [
      'Comment réagissez-vous d’habitude quand quelqu’un est en colère contre vous ?',
      'Que diriez-vous en privé à un membre dont les mots ont blessé un autre membre ?',
      'Quelle règle de base de votre groupe aiderait le plus en cas de conflit, et pourquoi ?',
    ],
  },
}
