/**
 * CLI commands for issue 17: who may invite and export, the private line to the facilitators,
 * the record of exports, what is new, presence and ground-rule templates. Each unlocks the
 * profile, makes service calls and prints the result; --json gives the value as the API returns it.
 */
import type { ExportRecordView, GroupInfo, GroupExportPolicy, InvitePolicy, LineThreadView, LineTopic, RuleTemplate, UnreadSection, UnreadView } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'

const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 16)

function oneOf<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[]): T | undefined {
  const v = opt(ctx, name)
  if (v === undefined) return undefined
  if (!(allowed as readonly string[]).includes(v)) throw new HearthError('INVALID_INPUT', `--${name} is one of: ${allowed.join(', ')}`)
  return v as T
}

const INVITES: Record<InvitePolicy, string> = {
  facilitators: 'only facilitators invite',
  'members-approved': 'members invite, and a facilitator approves each newcomer',
  members: 'any member invites',
}
const EXPORTS: Record<GroupExportPolicy, string> = {
  facilitators: 'only facilitators save everyone’s words; members save their own',
  members: 'any member saves everyone’s words',
}

function lineText(l: LineThreadView): string {
  return [
    `Line of ${l.memberName}${l.awaitingAnswer ? ' · waiting for an answer' : ''}${l.holders.length ? ` · read by ${l.holders.join(', ')}` : ''}  [${l.member}]`,
    ...(l.messages.length ? l.messages.map((m) => `  ${at(m.at)}  ${m.byName}${m.fromFacilitator ? ' (facilitator)' : ''}${m.topic ? ` · ${m.topic}` : ''}: ${m.text}`) : ['  Nothing written yet.']),
    ...(l.sealed ? [`  ${l.sealed} message(s) you cannot open (from before you facilitated, or after you stopped).`] : []),
  ].join('\n')
}

function unreadText(u: UnreadView): string {
  const s = u.sections
  return `${u.groupId}: ${u.total} new · conversations ${s.conversations} (replies to you ${s.repliesToMe}) · meetings ${s.meetings} · resources ${s.resources} · decisions ${s.decisions} · private line ${s.privateLine}${s.invites ? ` · invites ${s.invites}` : ''}`
}

export const safetyCommands: Record<string, Command> = {
  'safety settings': {
    usage: 'hearth safety settings --group ID [--invites facilitators|members-approved|members] [--exports facilitators|members]',
    summary: 'who may invite and who may save the group’s words; facilitators change them',
    async run(ctx) {
      await unlocked(ctx)
      const groupId = need(ctx, 'group')
      const invitePolicy = oneOf(ctx, 'invites', ['facilitators', 'members-approved', 'members'] as const)
      const groupExport = oneOf(ctx, 'exports', ['facilitators', 'members'] as const)
      if (!invitePolicy && !groupExport) return expectOk(ctx.service.groupInfo({ groupId }))
      return expectOk(ctx.service.updateSettings({ groupId, ...(invitePolicy ? { invitePolicy } : {}), ...(groupExport ? { groupExport } : {}) }))
    },
    human: (v) => {
      const i = v as GroupInfo
      return [
        `Who may invite: ${i.invitePolicy ? INVITES[i.invitePolicy] : 'unknown'}${i.invitePolicyChosen === false ? ' (kept from before this setting existed; a facilitator should choose)' : ''}.`,
        `Who may save everyone’s words: ${i.groupExport ? EXPORTS[i.groupExport] : 'unknown'}.`,
      ].join('\n')
    },
  },
  exports: {
    usage: 'hearth exports --group ID',
    summary: 'when the group’s words were saved as a readable file, and by whom',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.exportRecords({ groupId: need(ctx, 'group') }))
    },
    human: (v) => {
      const list = v as ExportRecordView[]
      return list.length ? list.map((r) => `${at(r.at)}  ${r.byName} saved the group’s words as ${r.format}${r.topic ? ` (topic ${r.topic})` : ''}`).join('\n') : 'Nobody has saved the group’s words as a readable file.'
    },
  },
  line: {
    usage: 'hearth line --group ID',
    summary: 'your private line to the facilitators: what you wrote and their answers',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.privateLine({ groupId: need(ctx, 'group') }))
    },
    human: (v) => lineText(v as LineThreadView),
  },
  'line write': {
    usage: 'hearth line write --group ID --text TEXT [--topic concern|hidden-post|safety-check|other] [--about POST_ID]',
    summary: 'write to the facilitators only (sealed so only they and you read it)',
    async run(ctx) {
      await unlocked(ctx)
      const topic = oneOf<LineTopic>(ctx, 'topic', ['concern', 'hidden-post', 'safety-check', 'other'])
      const about = opt(ctx, 'about')
      return expectOk(ctx.service.writePrivateLine({ groupId: need(ctx, 'group'), text: need(ctx, 'text'), ...(topic ? { topic } : {}), ...(about ? { about } : {}) }))
    },
    human: (v) => lineText(v as LineThreadView),
  },
  lines: {
    usage: 'hearth lines --group ID',
    summary: 'facilitators: every member’s private line, those waiting for an answer first',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.privateLines({ groupId: need(ctx, 'group') }))
    },
    human: (v) => ((v as LineThreadView[]).length ? (v as LineThreadView[]).map(lineText).join('\n\n') : 'No member has written to the facilitators.'),
  },
  'line answer': {
    usage: 'hearth line answer --group ID --member ID --text TEXT',
    summary: 'facilitators: answer on a member’s private line',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.answerPrivateLine({ groupId: need(ctx, 'group'), member: need(ctx, 'member'), text: need(ctx, 'text') }))
    },
    human: (v) => lineText(v as LineThreadView),
  },
  unread: {
    usage: 'hearth unread [--group ID]',
    summary: 'what is new since you last marked a group read',
    async run(ctx) {
      await unlocked(ctx)
      const groupId = opt(ctx, 'group')
      return expectOk(ctx.service.unread(groupId ? { groupId } : {}))
    },
    human: (v) => ((v as UnreadView[]).length ? (v as UnreadView[]).map(unreadText).join('\n') : 'No groups yet.'),
  },
  'mark-read': {
    usage: 'hearth mark-read --group ID [--section conversations|meetings|resources|decisions|privateLine|invites]',
    summary: 'mark a group (or one section) read up to now; kept on this computer only',
    async run(ctx) {
      await unlocked(ctx)
      const section = oneOf<UnreadSection>(ctx, 'section', ['conversations', 'meetings', 'resources', 'decisions', 'privateLine', 'invites'])
      return expectOk(ctx.service.markRead({ groupId: need(ctx, 'group'), ...(section ? { section } : {}) }))
    },
    human: (v) => unreadText(v as UnreadView),
  },
  presence: {
    usage: 'hearth presence --group ID --set hidden|shown',
    summary: 'whether members see you as connected (you still sync either way)',
    async run(ctx) {
      await unlocked(ctx)
      const set = oneOf(ctx, 'set', ['hidden', 'shown'] as const)
      if (!set) throw new HearthError('INVALID_INPUT', '--set is hidden or shown')
      return expectOk(ctx.service.setPresence({ groupId: need(ctx, 'group'), hidden: set === 'hidden' }))
    },
    human: (v) => ((v as { hidden: boolean }).hidden ? 'Members will not see you as connected. Your words still sync.' : 'Members see you as connected.'),
  },
  'rule-templates': {
    usage: 'hearth rule-templates',
    summary: 'ground-rule templates to start from (save one with hearth rules set)',
    async run(ctx) {
      return expectOk(ctx.service.ruleTemplates({}))
    },
    human: (v) => (v as RuleTemplate[]).map((t) => [`${t.title} [${t.id}] — ${t.summary}`, ...t.rules.map((r, i) => `  ${i + 1}. ${r}`)].join('\n')).join('\n\n'),
  },
}
