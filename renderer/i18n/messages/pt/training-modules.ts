/**
 * Português (Brazilian; preview): the training modules, translated whole from
 * core/model/data/training.json. `from` is the fingerprint of the English each was made from
 * (renderer/i18n/core-content.ts): when core's English changes, the screen shows the English
 * until this translation is redone.
 */
import type { Modules } from '../../content-types.ts'

export const trainingModulesPt: Modules = {
  'abuse-dynamics': {
    from: '6f4a3b0c',
    title: 'Como funciona a violência nas relações',
    summary: 'Os padrões por trás da violência, as formas que ela assume e por que ir embora quase nunca é simples.',
    sections: [
      { heading: 'Um padrão de controle', text: 'A violência nas relações é um padrão, não um dia ruim isolado. Uma pessoa se esforça para conquistar e manter poder sobre a outra. Cada episódio pode parecer pequeno sozinho; juntos, eles moldam uma vida. Muitas sobreviventes só enxergam o padrão quando o colocam no papel ou ouvem outra pessoa descrever a mesma coisa.' },
      { heading: 'As formas que ela assume', text: 'A violência pode ser física ou sexual. Também pode ser psicológica (insultos, culpa, fazer alguém duvidar da própria memória), financeira (controlar o dinheiro, o trabalho ou as dívidas), digital (vigiar o celular, rastrear a localização, ler mensagens), social (afastar alguém dos amigos e da família), e pode usar os filhos, os animais, a situação migratória ou a fé como forma de pressão. Normalmente várias formas acontecem juntas. Nenhuma precisa deixar marcas para ser real.' },
      { heading: 'Por que ir embora é difícil', text: 'O perigo costuma aumentar quando alguém tenta ir embora. As pessoas ficam por segurança, pelos filhos, por dinheiro, por moradia, por amor, esperança, medo, vergonha ou pressão dos outros. A pergunta nunca é “por que ela não vai embora?”, e sim “o que deixaria essa pessoa mais segura, e o que ela quer?”. Quem vive a situação é quem mais entende dela.' },
    ],
    questions: [
      'Quais formas de violência deste módulo você não via como violência antes?',
      'Como alguém do grupo poderia ouvir “por que você simplesmente não foi embora?”, mesmo quando ninguém diz isso em voz alta?',
      'O que você diria para alguém que diz “não foi tão grave, eram só palavras”?',
    ],
  },
  'active-listening': {
    from: 'dd7c118f',
    title: 'Escutar bem',
    summary: 'Dar a alguém toda a sua atenção e mostrar que essa pessoa foi ouvida.',
    sections: [
      { heading: 'Primeiro, atenção', text: 'Escutar bem começa por não ter pressa. Deixe os silêncios existirem. Evite planejar a sua resposta enquanto a outra pessoa ainda está falando. Num grupo por escrito, leia a publicação inteira antes de responder, e leia de novo.' },
      { heading: 'Refletir, não consertar', text: 'Diga com as suas palavras o que você ouviu: “Parece que você se sentiu encurralada quando ele pegou a chave do carro.” Nomeie os sentimentos com delicadeza e deixe a pessoa corrigir você. A maioria das pessoas quer ser compreendida antes de receber conselhos, e muitas já receberam conselhos demais.' },
      { heading: 'Perguntas que abrem', text: 'Perguntas abertas (“Como foi isso para você?”, “O que ajudaria agora?”) deixam espaço. Perguntas que começam com “por que” podem soar como cobrança. Pergunte antes de oferecer ideias: “Ajudaria saber o que funcionou para mim?”' },
    ],
    questions: [
      'Pense numa vez em que alguém escutou você de verdade. O que a outra pessoa fez?',
      'Reescreva esta resposta para que ela reflita em vez de consertar: “Você devia chamar a polícia.”',
      'Quando é mais difícil para você ficar em silêncio e continuar escutando?',
    ],
  },
  'trauma-informed': {
    from: '399b7103',
    title: 'Respostas sensíveis ao trauma',
    summary: 'Segurança, escolha e confiança: como o trauma pode aparecer e como responder sem causar mais dano.',
    sections: [
      { heading: 'Como o trauma pode aparecer', text: 'O trauma pode aparecer como sobressalto, entorpecimento, dificuldade de concentração, raiva, choro, ou em alguém que parece bem e de repente não está mais. São reações compreensíveis ao perigo, não defeitos de caráter. Alguém pode ficar em silêncio, sair de um encontro, ou publicar algo e depois apagar.' },
      { heading: 'Segurança, escolha, controle', text: 'A violência tira a escolha; o apoio devolve. Ofereça opções em vez de instruções. Deixe cada pessoa decidir o que compartilhar e quando. Use avisos de conteúdo antes de detalhes que podem ser difíceis de ler. Nunca insista em saber detalhes do que aconteceu; a história pertence a quem a viveu.' },
      { heading: 'Quando a emoção transborda', text: 'Vá mais devagar. Use poucas palavras, com calma. Convide a pessoa a se ancorar no presente, se ela quiser: os pés no chão, dizer o nome de coisas que vê, uma respiração lenta. Pergunte do que ela precisa. Se alguém pode estar em perigo imediato, incentive o contato com os serviços de emergência ou com uma linha de apoio; o Hearth não é um serviço de crise.' },
    ],
    questions: [
      'Que reações suas uma resposta de trauma poderia despertar, e como você perceberia?',
      'Como você poderia oferecer uma escolha num momento em que tem vontade de dar um conselho?',
      'Que conteúdo do seu grupo deveria ter um aviso?',
    ],
  },
  'self-care': {
    from: 'd8f43f03',
    title: 'Autocuidado e esgotamento',
    summary: 'Apoiar outras pessoas é um trabalho. Perceber os seus limites mantém você, e o grupo, bem.',
    sections: [
      { heading: 'Sinais para perceber', text: 'Ouvir sobre violência pode mexer com as suas próprias lembranças. Preste atenção a sono ruim, a um peso antes do grupo, a sentir-se sem energia ou com irritação, a pensar nas histórias dos outros quando quer descansar, ou à sensação de que tudo depende de você. São sinais para fazer uma pausa, não fracassos.' },
      { heading: 'Limites são cuidado', text: 'Só dá para apoiar os outros a partir de um lugar em que você tenha segurança suficiente. Tudo bem dar um tempo, responder amanhã em vez de agora e passar algo para outra pessoa facilitadora. No Hearth, “dar um tempo” avisa o grupo, com cuidado, que você está numa pausa.' },
      { heading: 'O seu próprio apoio', text: 'Tenha pessoas e lugares para você: uma amiga ou um amigo, uma psicóloga ou um psicólogo, uma caminhada, descanso. Quem facilita pode usar a conversa entre facilitadores para dividir o que pesa com as outras pessoas facilitadoras, sem citar detalhes particulares dos membros.' },
    ],
    questions: [
      'Quais são os seus primeiros sinais de que precisa de uma pausa?',
      'Quem apoia você, e quando foi a última vez que você procurou essa pessoa?',
      'O que tornaria mais fácil dar um tempo quando você precisa?',
    ],
  },
  facilitating: {
    from: 'c4cf1b41',
    title: 'Facilitar um grupo',
    summary: 'Cuidar do espaço: regras básicas, ritmo, sigilo e divisão das tarefas.',
    sections: [
      { heading: 'Cuidar do espaço', text: 'Quem facilita não tem as respostas; mantém o espaço seguro o bastante para que os membros encontrem as suas. Abra e feche os encontros sempre do mesmo jeito, para que as pessoas saibam o que esperar. Lembre o grupo das regras básicas, principalmente do sigilo: o que é compartilhado no grupo fica no grupo.' },
      { heading: 'Ritmo e equilíbrio', text: 'Abra espaço para os membros mais quietos sem deixá-los em situação difícil. Interrompa com delicadeza quem está falando há muito tempo. Se uma história ficar muito detalhada, pergunte como estão o grupo e quem está falando. Termine no horário e reserve um momento para voltar ao presente.' },
      { heading: 'Segurança em primeiro lugar', text: 'Se alguém pode estar em perigo, converse com essa pessoa em particular e passe as informações das linhas de apoio. Nunca compartilhe os dados ou a localização de um membro com ninguém de fora do grupo. Se você suspeitar que um agressor entrou no grupo, converse com as outras pessoas facilitadoras antes de agir, e siga os passos combinados pelo grupo.' },
    ],
    questions: [
      'Como você abriria e fecharia um encontro do seu grupo?',
      'O que você faria se um membro começasse a descrever detalhes explícitos sem aviso?',
      'Como as pessoas facilitadoras do seu grupo dividem as tarefas?',
    ],
  },
  'resolving-conflict': {
    from: '8872d529',
    title: 'Resolver conflitos',
    summary: 'Desentendimentos acontecem. Lidar com eles com calma e justiça mantém o grupo seguro.',
    sections: [
      { heading: 'Conflito é normal', text: 'Pessoas que foram feridas podem ser sensíveis ao tom, ao controle ou a serem desvalorizadas, e isso é compreensível. O conflito não é um fracasso do grupo. O que importa é lidar com ele sem que ninguém seja envergonhado, silenciado ou atacado por várias pessoas ao mesmo tempo.' },
      { heading: 'Calma e conversa em particular primeiro', text: 'Diminua o ritmo. Tire uma troca acalorada do espaço comum e converse em particular com cada pessoa. Escute cada lado antes de decidir qualquer coisa. Descreva o comportamento, não a pessoa: “Aquela resposta citou a cidade de alguém”, e não “Você não presta atenção em nada”.' },
      { heading: 'Justo e registrado', text: 'Use as regras básicas como referência comum, para que não seja a opinião de uma pessoa contra a de outra. Sempre que der, decida junto com outras pessoas facilitadoras. Diga com clareza o que foi decidido e por quê, sem compartilhar detalhes particulares. Depois, pergunte como estão todas as pessoas envolvidas.' },
    ],
    questions: [
      'Como você costuma reagir quando alguém fica com raiva de você?',
      'O que você diria em particular a um membro cujas palavras magoaram outro membro?',
      'Qual regra básica do seu grupo ajudaria mais num conflito, e por quê?',
    ],
  },
}
