/**
 * CLI commands for moderation (flag, the queue, hide/restore/escalate, mute), group decisions and
 * the facilitation rotation. Each unlocks the profile, makes service calls, and prints the result;
 * --json gives the value as the API returns it.
 */
import type { DecisionView, ModerationItem, MuteView, ScheduleView } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'
import { shown, shownBlock } from './visible.ts'

const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 16)

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/

/** "2026-12-01T18:00" (this computer's time zone unless it names one), or a time from now: "90m", "24h", "7d". */
export function whenOption(ctx: CommandContext, name: string, now = Date.now()): number {
  const text = need(ctx, name).trim()
  const rel = /^(\d{1,6})\s*([mhd])$/.exec(text)
  if (rel) return now + Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd']
  // A date alone would parse as UTC midnight; as a local midnight it means what the person meant.
  const ms = ISO.test(text) ? Date.parse(text.includes('T') ? text : `${text}T00:00`) : NaN
  if (!Number.isFinite(ms)) throw new HearthError('INVALID_INPUT', `--${name} wants a date and time like 2026-12-01T18:00, or a time from now like 24h, 90m or 7d`)
  return ms
}

function itemText(i: ModerationItem): string {
  const state = i.hidden ? (i.escalated ? 'HIDDEN, escalated for removal review' : `HIDDEN (by ${i.hiddenBy === 'flags' ? 'flags' : 'a facilitator'})`) : 'visible'
  const reasons = i.reasons.map((r) => `${shown(r.label)} ×${r.count}`).join('; ')
  return [
    `— ${shown(i.authorName)} · ${i.kind} · ${state} · ${i.flags} flag(s) counting, ${i.flagsTotal} in all${i.editedSinceReview ? ' · edited since review' : ''}  [${i.id}]`,
    `  ${i.cw ? `Content warning: ${shown(i.cw)} (text hidden; use --json to read it)` : shownBlock(i.text, '  ')}`,
    ...(reasons ? [`  Reasons: ${reasons}`] : []),
    ...(i.lastAction ? [`  Last: ${i.lastAction.action} by ${shown(i.lastAction.byName)}, ${at(i.lastAction.at)}${i.lastAction.reason ? ` (${shown(i.lastAction.reason)})` : ''}${i.lastAction.note ? ` — "${shown(i.lastAction.note)}"` : ''}`] : []),
  ].join('\n')
}

function decisionText(d: DecisionView): string {
  const total = d.voters
  return [
    `— ${shown(d.text)}  (by ${shown(d.proposerName)}; ${d.closed ? `closed ${at(d.closesAt)}, final` : `open until ${at(d.closesAt)}`})  [${d.id}]`,
    ...d.options.map((o, i) => `  ${i}. ${shown(o)}: ${d.counts[i]}${d.myVote === i ? '  ← your vote' : ''}`),
    `  ${total} vote(s)`,
  ].join('\n')
}

function scheduleText(v: ScheduleView): string {
  if (!v.entries.length) return 'No facilitation slots yet.'
  return [
    ...(v.reminder ? [`Reminder: you hold the space ${v.reminder.current ? `now, until ${at(v.reminder.to)}` : `from ${at(v.reminder.from)}`}.`] : []),
    ...v.entries.map((e) => `${at(e.from)} → ${at(e.to)}  ${shown(e.name)}${e.current ? '  (now)' : ''}  [${e.id}]`),
  ].join('\n')
}

function moderate(action: 'hide' | 'restore' | 'escalate'): Command {
  const needsReason = action !== 'restore'
  return {
    usage: `hearth ${action} --group ID --to ID${needsReason ? ' [--reason rule:N|other]' : ''} [--note TEXT]`,
    summary: {
      hide: 'facilitators: hide a post or reply for everyone but its author, with a reason',
      restore: 'facilitators: show a hidden post or reply again',
      escalate: 'facilitators: keep it hidden and mark its author for removal review',
    }[action],
    async run(ctx) {
      await unlocked(ctx)
      const note = opt(ctx, 'note')
      // The author is always told a reason; without --reason it is "something else", and --note can say more.
      const reason = needsReason ? (opt(ctx, 'reason') ?? 'other') : opt(ctx, 'reason')
      return expectOk(ctx.service.moderate({ groupId: need(ctx, 'group'), to: need(ctx, 'to'), action, ...(reason ? { reason } : {}), ...(note ? { note } : {}) }))
    },
    human: (v) => itemText(v as ModerationItem),
  }
}

export const moderationCommands: Record<string, Command> = {
  flag: {
    usage: 'hearth flag --group ID --to ID --reason rule:N|other [--off]',
    summary: 'flag a post or reply as breaking ground rule N (see hearth rules show), or withdraw with --off',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.flag({ groupId: need(ctx, 'group'), to: need(ctx, 'to'), reason: opt(ctx, 'reason') ?? 'other', on: ctx.options.off !== true }))
    },
    human: () => 'Flagged. Facilitators will review it; nobody is told who flagged it but them.',
  },
  moderation: {
    usage: 'hearth moderation --group ID',
    summary: 'facilitators: the review queue of flagged and hidden posts',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.moderationQueue({ groupId: need(ctx, 'group') }))
    },
    human: (v) => ((v as ModerationItem[]).length ? (v as ModerationItem[]).map(itemText).join('\n\n') : 'Nothing is waiting for review.'),
  },
  hide: moderate('hide'),
  restore: moderate('restore'),
  escalate: moderate('escalate'),
  mute: {
    usage: 'hearth mute --group ID --member ID [--level mute|block|none]',
    summary: 'hide a member’s words for you alone (block also hides their reactions; none undoes it)',
    async run(ctx) {
      await unlocked(ctx)
      const level = opt(ctx, 'level') ?? 'mute'
      if (level !== 'mute' && level !== 'block' && level !== 'none') throw new HearthError('INVALID_INPUT', '--level is mute, block or none')
      return expectOk(ctx.service.setMute({ groupId: need(ctx, 'group'), member: need(ctx, 'member'), level }))
    },
    human: (v) => ((v as MuteView[]).length ? (v as MuteView[]).map((m) => `${shown(m.name)}: ${m.level === 'block' ? 'blocked' : 'muted'}`).join('\n') : 'You have muted nobody in this group.'),
  },
  'decision propose': {
    usage: 'hearth decision propose --group ID --text TEXT --option A --option B [...] --closes 3d|ISO',
    summary: 'propose a decision with 2–10 options and a closing time',
    async run(ctx) {
      await unlocked(ctx)
      const options = ctx.options.option
      return expectOk(ctx.service.propose({
        groupId: need(ctx, 'group'), text: need(ctx, 'text'), options: Array.isArray(options) ? options : [], closesAt: whenOption(ctx, 'closes'),
      }))
    },
    human: (v) => decisionText(v as DecisionView),
  },
  'decision vote': {
    usage: 'hearth decision vote --group ID --id DECISION_ID --choice N',
    summary: 'vote for option N (from 0); voting again before the close changes your vote',
    async run(ctx) {
      await unlocked(ctx)
      const choice = Number(need(ctx, 'choice'))
      if (!Number.isInteger(choice)) throw new HearthError('INVALID_INPUT', '--choice wants the option number')
      return expectOk(ctx.service.vote({ groupId: need(ctx, 'group'), proposal: need(ctx, 'id'), option: choice }))
    },
    human: (v) => decisionText(v as DecisionView),
  },
  'decision list': {
    usage: 'hearth decision list --group ID',
    summary: 'the group’s decisions with their votes',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.decisions({ groupId: need(ctx, 'group') }))
    },
    human: (v) => ((v as DecisionView[]).length ? (v as DecisionView[]).map(decisionText).join('\n\n') : 'No decisions yet.'),
  },
  schedule: {
    usage: 'hearth schedule --group ID',
    summary: 'who holds the space when (the facilitation rotation)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.schedule({ groupId: need(ctx, 'group') }))
    },
    human: (v) => scheduleText(v as ScheduleView),
  },
  'schedule add': {
    usage: 'hearth schedule add --group ID --member ID --from WHEN --until WHEN',
    summary: 'facilitators: add a facilitation slot (WHEN: 2026-12-01T18:00 or 2d from now)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.scheduleAdd({ groupId: need(ctx, 'group'), member: need(ctx, 'member'), from: whenOption(ctx, 'from'), to: whenOption(ctx, 'until') }))
    },
    human: (v) => scheduleText(v as ScheduleView),
  },
  'schedule remove': {
    usage: 'hearth schedule remove --group ID --id SLOT_ID',
    summary: 'facilitators: remove a facilitation slot',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.scheduleRemove({ groupId: need(ctx, 'group'), id: need(ctx, 'id') }))
    },
    human: (v) => scheduleText(v as ScheduleView),
  },
}
