/** Words for the remaining error codes, Brazilian Portuguese (preview translation, "você"). */
import type { ErrorsKey } from '../en/errors.ts'

export const errorsPt: Record<ErrorsKey, string> = {
  'errors.UNKNOWN_METHOD': 'O Hearth não conseguiu fazer isso: esta janela pediu algo que ele não conhece. Reiniciar o Hearth costuma resolver.',
  'errors.UNTRUSTED_SENDER': 'O Hearth recusou esse pedido porque ele não veio da própria janela do Hearth. Nada foi alterado.',
  'errors.VAULT_MISSING': 'O arquivo do seu perfil (vault.hearth) não está nesta pasta, mas os dados do grupo continuam nela. Nada foi alterado. Coloque vault.hearth de volta a partir de um backup deste perfil, ou escolha outra pasta para um perfil novo.',
  'errors.CRYPTO_OPEN_FAILED': 'O Hearth não conseguiu abrir esses dados, ou alguém os alterou. Nada foi alterado aqui.',
  'errors.CRYPTO_BAD_KEY': 'Uma chave que o Hearth recebeu está danificada ou não é segura, então ele não a usou.',
  'errors.CRYPTO_BAD_SIGNATURE': 'Algo não tinha uma assinatura válida, então o Hearth não confiou nisso.',
  'errors.BLOCK_MALFORMED': 'Uma parte do histórico do grupo estava danificada, então o Hearth a deixou de lado.',
  'errors.BLOCK_TOO_LARGE': 'Uma parte do histórico do grupo era grande demais, então o Hearth a deixou de lado.',
  'errors.BLOCK_VERSION': 'Uma parte do histórico do grupo foi escrita por uma versão mais nova do Hearth. Atualize o Hearth para lê-la.',
  'errors.BLOCK_EPOCH_UNKNOWN': 'Uma parte do histórico do grupo está trancada com uma chave que este dispositivo não tem, então não pode ser lida aqui.',
  'errors.LOG_CORRUPT': 'Parte do histórico deste grupo neste dispositivo está danificada. O Hearth a deixou como estava.',
  'errors.LOG_NOT_FROZEN': 'Esse dispositivo não está pausado, ou a pausa dele já foi retirada.',
  'errors.STORE_UNAVAILABLE': 'O Hearth não conseguiu abrir o histórico guardado deste grupo. Reiniciar o Hearth pode ajudar.',
  'errors.LOG_BEHIND': 'Este dispositivo perdeu parte do que você escreveu aqui recentemente. Para nunca contradizer você, ele não vai escrever neste grupo até recuperar essas palavras: fique online enquanto outro membro estiver online.',
  'errors.LOG_UNCONFIRMED': 'Este perfil foi movido ou restaurado de uma cópia. Ele não vai escrever neste grupo até que outro membro mostre quanto do histórico dele tem: fique online enquanto outro membro estiver online, ou escolha “Continuar aqui” se nenhuma outra cópia deste perfil estiver em uso.',
  'errors.NOT_SYNCED_YET': 'O histórico deste grupo ainda não chegou a este dispositivo. Nada está danificado: fique online enquanto outra pessoa do grupo estiver online, e ele vai aparecer.',
  'errors.DECISION_CLOSED': 'A votação dessa decisão foi encerrada. O resultado é definitivo.',
  'errors.EXPORT_FAILED': 'O Hearth não conseguiu gravar o arquivo ali. Nada foi salvo.',
  'errors.NAME_NOT_ALLOWED': 'Esse nome tem caracteres escondidos (invisíveis, de direção ou de controle) que podem enganar outras pessoas. Digite-o de novo, por favor.',
  'errors.NAME_TAKEN': 'Esse nome parece igual ao de outro membro. Escolha outro, por favor.',
  'errors.JOIN_ANSWERS_DIFFER': 'Pessoas do grupo deram respostas diferentes ao seu pedido: todas disseram não, mas por motivos diferentes. Alguém pode estar enganado ou não querer que você entre. Pergunte a quem convidou você se o convite ainda vale.',
}
