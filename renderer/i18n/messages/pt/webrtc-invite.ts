/** Joining over WebRTC: the join form's optional signaling address, brazilian Portuguese (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInvitePt: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'Endereço de conexão (só se você recebeu um)',
  'webrtcInvite.addressHelp': 'Se a sua rede bloqueia a forma habitual de se conectar, quem convidou você pode passar um endereço que começa com <bdi>wss://</bdi> ou <bdi>ws://</bdi>. Caso contrário, deixe este campo vazio.',
}
