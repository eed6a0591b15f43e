/**
 * A device at the group's byte budget (issue 14, core/group/log-quota.ts), English: what
 * facilitators see in the review queue, and what the person whose device reached it is told.
 */
export const logQuotaEn = {
  'logQuota.title': 'Devices at the group’s limit',
  'logQuota.intro': 'Each device may write only so much to the group, so that no one can fill everyone’s storage. Nothing a device writes past this limit is shown or kept by anyone. What it wrote before stays.',
  'logQuota.item': 'A device of <bdi>{name}</bdi> has reached the group’s limit.',
  'logQuota.what': 'Ordinary use stays far below this limit for many years. If someone is flooding the group, you can remove them. The limit cannot be raised for one device.',
  'logQuota.error': 'This device has written as much in this group as one device may, so nothing more it writes can be shared. You can still read. The group’s facilitators can see that this device reached the limit.',
} as const satisfies Record<string, string>
