/** Joining over WebRTC: the join form's optional signaling address, arabic (preview translation). */
import type { webrtcInviteEn } from '../en/webrtc-invite.ts'

export const webrtcInviteAr: Record<keyof typeof webrtcInviteEn, string> = {
  'webrtcInvite.address': 'عنوان الاتصال (فقط إذا أُعطي لك عنوان)',
  'webrtcInvite.addressHelp': 'إذا كانت شبكتك تمنع طريقة الاتصال المعتادة، فقد يعطيك من دعاك عنوانًا يبدأ بـ <bdi>wss://</bdi> أو <bdi>ws://</bdi>. وإلا فاترك هذا الحقل فارغًا.',
}
