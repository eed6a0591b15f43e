/** Joining over WebRTC: the join form's optional signaling address, french (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInviteFr: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'Adresse de connexion (seulement si on vous en a donné une)',
  'webrtcInvite.addressHelp': 'Si votre réseau bloque la manière habituelle de se connecter, la personne qui vous a invité·e peut vous donner une adresse qui commence par <bdi>wss://</bdi> ou <bdi>ws://</bdi>. Sinon, laissez ce champ vide.',
}
