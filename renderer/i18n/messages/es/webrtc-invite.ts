/** Joining over WebRTC: the join form's optional signaling address, spanish (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInviteEs: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'Dirección de conexión (solo si te dieron una)',
  'webrtcInvite.addressHelp': 'Si tu red bloquea la forma habitual de conectarse, quien te invitó puede darte una dirección que empieza por <bdi>wss://</bdi> o <bdi>ws://</bdi>. Si no, deja esto vacío.',
}
