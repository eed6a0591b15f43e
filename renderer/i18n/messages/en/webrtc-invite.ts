/** Joining over WebRTC: the join form's optional signaling address (issue 16). English, the reference for this area. */
export const webrtcInviteEn = {
  'webrtcInvite.address': 'Connection address (only if you were given one)',
  'webrtcInvite.addressHelp': 'If your network blocks the usual way of connecting, the person who invited you may give you an address that starts with <bdi>wss://</bdi> or <bdi>ws://</bdi>. Leave this empty otherwise.',
} as const satisfies Record<string, string>
