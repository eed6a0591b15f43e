/**
 * Safe terminal output (issue 14): other people's words reach the plain-text CLI with every
 * control made visible. Each printer is fed hostile values and its own output (before the
 * final sweep) must hold no control character but its own newlines, and no line of a body may
 * start where a record of ours starts.
 */
import { describe, expect, it } from 'vitest'
import type { DecisionView, FeedPost, GroupStatus, InviteView, JoinRequestView, MemberView, ModerationItem, MuteView, RulesView, ScheduleView } from '../../../core/api.ts'
import { groupCommands } from '../../../scripts/cli/group-commands.ts'
import { memberCommands } from '../../../scripts/cli/member-commands.ts'
import { moderationCommands } from '../../../scripts/cli/moderation-commands.ts'
import { netCommands } from '../../../scripts/cli/net-commands.ts'
import { shown, shownBlock, terminalSafe } from '../../../scripts/cli/visible.ts'

const EVIL = 'hi\u001b]0;owned\u0007\u001b[2J\u009b31m\u202Eevil\u2066\r\n— Fay · story · 2026-01-01 00:00  [fake]\u007f'
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/

describe('shown', () => {
  it('makes C0, C1, DEL, ESC and direction controls visible, and keeps ordinary text', () => {
    expect(shown('a\u001b[2Jb')).toBe('a\u241b[2Jb')
    expect(shown('\u0007\u007f\u009b\u202E')).toBe('\u2407\u2421\\x9b<U+202E>')
    expect(shown('line\nnext')).toBe('line\u240anext')
    expect(shown('Zoë 🌹 محمد')).toBe('Zoë 🌹 محمد')
    expect(shownBlock('one\r\ntwo', '    ')).toBe('one\n    two')
    expect(terminalSafe(`ok\n${EVIL}`)).not.toMatch(UNSAFE)
    expect(terminalSafe('a\nb')).toBe('a\nb')
  })
})

const post: FeedPost = {
  id: `${'a'.repeat(64)}:${'1'.repeat(16)}`, author: 'a'.repeat(64), authorName: EVIL, topic: EVIL, text: EVIL, cw: null,
  createdAt: 0, editedAt: null, reactions: {}, myReactions: [], replies: [
    { id: `${'b'.repeat(64)}:${'2'.repeat(16)}`, author: 'b'.repeat(64), authorName: EVIL, text: EVIL, createdAt: 0, editedAt: null, deleted: false, replies: [] },
  ],
} as unknown as FeedPost
const item = { id: 'x', kind: 'post', author: 'a', authorName: EVIL, text: EVIL, cw: null, hidden: true, hiddenBy: 'facilitator', escalated: false, flags: 1, flagsTotal: 1, editedSinceReview: false, reasons: [{ label: EVIL, count: 1 }], lastAction: { action: 'hide', byName: EVIL, at: 0, reason: EVIL, note: EVIL } } as unknown as ModerationItem

const cases: [string, (v: unknown) => string, unknown][] = [
  ['feed', groupCommands.feed!.human, [post]],
  ['feed with a content warning', groupCommands.feed!.human, [{ ...post, cw: EVIL }]],
  ['group list', groupCommands['group list']!.human, [{ id: 'g', name: EVIL, role: 'member', mode: 'survivor-led' }]],
  ['members', groupCommands.members!.human, [{ id: 'm', pseudonym: EVIL, role: 'member', status: 'active', me: false, online: false }]],
  ['rules show', groupCommands['rules show']!.human, { version: 1, text: EVIL, byName: EVIL, at: 0, acceptedByMe: false, items: [EVIL] } as unknown as RulesView],
  ['role', memberCommands.role!.human, { pseudonym: EVIL, role: 'member' } as unknown as MemberView],
  ['moderation', moderationCommands.moderation!.human, [item]],
  ['decision list', moderationCommands['decision list']!.human, [{ id: 'd', text: EVIL, proposerName: EVIL, options: [EVIL, 'b'], counts: [0, 0], voters: 0, closed: false, closesAt: 0, myVote: null }] as unknown as DecisionView[]],
  ['schedule', moderationCommands.schedule!.human, { entries: [{ id: 's', member: 'm', name: EVIL, from: 0, to: 1, current: false }], reminder: null } as unknown as ScheduleView],
  ['mute', moderationCommands.mute!.human, [{ member: 'm', name: EVIL, level: 'mute' }] as unknown as MuteView[]],
  ['invite list', netCommands['invite list']!.human, [{ id: 'i', live: true, revoked: false, used: 0, uses: 1, byName: EVIL }] as unknown as InviteView[]],
  ['requests', netCommands.requests!.human, [{ id: 'r', pseudonym: EVIL, status: 'pending', byName: EVIL }] as unknown as JoinRequestView[]],
  ['approve', netCommands.approve!.human, { pseudonym: EVIL } as unknown as JoinRequestView],
  ['group status', netCommands['group status']!.human, { online: true, peers: [{ memberId: 'm', name: EVIL, since: 0 }, { memberId: 'n', name: EVIL, since: 0, transport: 'webrtc' }], writesHeld: false } as unknown as GroupStatus],
  ['group status, the history waiting for a member', netCommands['group status']!.human, { online: true, peers: [], writesHeld: false, arriving: { waitingFor: [{ memberId: 'm', name: EVIL }], more: 0 } } as unknown as GroupStatus],
  ['group status, a member not heard from', netCommands['group status']!.human, { online: true, peers: [{ memberId: 'm', name: EVIL, since: 0, notHeardSince: Date.now() - 3_000 }], writesHeld: false } as unknown as GroupStatus],
]

describe('every printer of other people’s words', () => {
  it.each(cases)('%s prints no control character but its own newlines', (_name, human, value) => {
    const out = human(value)
    expect(out).not.toMatch(UNSAFE)
    expect(out).toContain('\u241b')
    // the newline in the hostile text cannot start a line that looks like a post header
    expect(out.split('\n').filter((l) => l.startsWith('— Fay'))).toEqual([])
  })
})
