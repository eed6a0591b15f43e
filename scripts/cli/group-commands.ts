/**
 * CLI commands for groups, posts and rules. Each unlocks the profile in-process, makes one
 * service call, and prints the result: --json gives the value as the API returns it.
 */
import type { FeedPage, FeedPost, FeedReply, GroupSummary, OwnLogStatus, RulesView } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { expectOk, need, opt, unlocked, type Command } from './commands.ts'
import { shown, shownBlock } from './visible.ts'

const when = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 16)

function replyLines(rs: FeedReply[], depth: number): string[] {
  return rs.flatMap((r) => [
    `${'  '.repeat(depth)}↳ ${r.deleted ? '(deleted)' : `${shown(r.authorName)}: ${shownBlock(r.text, `${'  '.repeat(depth)}  `)}`}  [${r.id}]`,
    ...replyLines(r.replies, depth + 1),
  ])
}

function postText(p: FeedPost): string {
  const reactions = Object.entries(p.reactions).map(([k, n]) => `${k} ${n}`).join(', ')
  return [
    `— ${shown(p.authorName)} · ${shown(p.topic)} · ${when(p.createdAt)}${p.editedAt ? ' (edited)' : ''}  [${p.id}]`,
    p.cw ? `  Content warning: ${shown(p.cw)} (text hidden; use --json to read it)` : `  ${shownBlock(p.text, '  ')}`,
    ...(reactions ? [`  ${reactions}`] : []),
    ...replyLines(p.replies, 1),
  ].join('\n')
}

const idOnly = (v: unknown): string => (v as { id: string }).id
const rulesText = (v: unknown): string => {
  const r = v as RulesView | null
  if (!r) return 'This group has no ground rules yet.'
  const numbered = r.items?.length ? `\n\nAs numbered for flags (hearth flag --reason rule:N):\n${r.items.map((t, i) => `  ${i + 1}. ${shown(t)}`).join('\n')}` : ''
  return `Ground rules, version ${r.version} (by ${shown(r.byName)}, ${when(r.at)})${r.acceptedByMe ? ', accepted by you' : ', not yet accepted by you'}:\n\n  ${shownBlock(r.text, '  ')}${numbered}`
}

export const groupCommands: Record<string, Command> = {
  'group create': {
    usage: 'hearth group create --name NAME [--mode survivor-led|facilitated] [--pseudonym P]',
    summary: 'create a group with you as its first facilitator',
    async run(ctx) {
      await unlocked(ctx)
      const mode = opt(ctx, 'mode') as 'survivor-led' | 'facilitated' | undefined
      const pseudonym = opt(ctx, 'pseudonym')
      return expectOk(ctx.service.createGroup({ name: need(ctx, 'name'), ...(mode ? { mode } : {}), ...(pseudonym ? { pseudonym } : {}) }))
    },
    human: (v) => `Created group "${shown((v as GroupSummary).name)}" (${idOnly(v)}).`,
  },
  'group list': {
    usage: 'hearth group list',
    summary: 'list your groups',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.listGroups({}))
    },
    human: (v) => {
      const gs = v as GroupSummary[]
      return gs.length ? gs.map((g) => `${g.id}  ${shown(g.name)}  (${g.role})`).join('\n') : 'You are in no groups yet.'
    },
  },
  post: {
    usage: 'hearth post --group ID --text TEXT [--cw TEXT] [--topic T]',
    summary: 'post to a group, optionally behind a content warning',
    async run(ctx) {
      await unlocked(ctx)
      const cw = opt(ctx, 'cw')
      const topic = opt(ctx, 'topic')
      return expectOk(ctx.service.post({ groupId: need(ctx, 'group'), text: need(ctx, 'text'), ...(cw ? { cw } : {}), ...(topic ? { topic } : {}) }))
    },
    human: (v) => `Posted (${idOnly(v)}).`,
  },
  reply: {
    usage: 'hearth reply --group ID --to POST_OR_REPLY_ID --text TEXT',
    summary: 'reply to a post or to a reply',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.reply({ groupId: need(ctx, 'group'), to: need(ctx, 'to'), text: need(ctx, 'text') }))
    },
    human: (v) => `Replied (${idOnly(v)}).`,
  },
  react: {
    usage: 'hearth react --group ID --to ID --kind believe|not-alone|strength|thanks [--off]',
    summary: 'add (or with --off remove) a supportive reaction',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.react({ groupId: need(ctx, 'group'), to: need(ctx, 'to'), kind: need(ctx, 'kind'), on: ctx.options.off !== true }))
    },
    human: () => 'Done.',
  },
  edit: {
    usage: 'hearth edit --group ID --id ID --text TEXT',
    summary: 'edit one of your posts or replies',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.edit({ groupId: need(ctx, 'group'), id: need(ctx, 'id'), text: need(ctx, 'text') }))
    },
    human: () => 'Edited.',
  },
  delete: {
    usage: 'hearth delete --group ID --id ID',
    summary: 'delete one of your posts or replies',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.remove({ groupId: need(ctx, 'group'), id: need(ctx, 'id') }))
    },
    human: () => 'Deleted.',
  },
  feed: {
    usage: 'hearth feed --group ID [--topic T] [--limit N] [--before CURSOR]',
    summary: 'read the newest posts with their replies and reactions',
    async run(ctx) {
      await unlocked(ctx)
      const limit = opt(ctx, 'limit')
      const topic = opt(ctx, 'topic')
      const before = opt(ctx, 'before')
      const page: FeedPage = await expectOk(ctx.service.feed({
        groupId: need(ctx, 'group'), ...(topic ? { topic } : {}), ...(before ? { before } : {}), ...(limit ? { limit: Number(limit) } : {}),
      }))
      // On stderr, so `--json` output keeps its shape; a feed short of our own words never passes silently.
      if (page.ownLog) process.stderr.write(ownLogWarning(page.ownLog))
      return page.posts
    },
    human: (v) => {
      const posts = v as FeedPost[]
      return posts.length ? posts.map(postText).join('\n\n') : 'No posts yet.'
    },
  },
  'continue-here': {
    usage: 'hearth continue-here --group ID',
    summary: 'this profile was moved or restored and waits for another member before writing: go on without waiting (only if no other copy of it is in use)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.continueHere({ groupId: need(ctx, 'group') }))
    },
    human: (v) => {
      const o = (v as { ownLog: OwnLogStatus | null }).ownLog
      return o ? ownLogWarning(o).replace(/^hearth: warning: /, 'Still waiting: ').trimEnd() : 'This device writes in the group again.'
    },
  },
  members: {
    usage: 'hearth members --group ID',
    summary: 'list the members of a group with their roles',
    async run(ctx) {
      await unlocked(ctx)
      const groupId = need(ctx, 'group')
      const members = await expectOk(ctx.service.members({ groupId }))
      // Presence is only known to a node that is online (hearth serve); otherwise nobody shows online.
      const status = await expectOk(ctx.service.groupStatus({ groupId }))
      const online = new Set(status.peers.map((p) => p.memberId))
      return members.map((m) => ({ ...m, name: m.pseudonym, online: online.has(m.id), lastSeen: status.lastSeen[m.id] ?? null }))
    },
    // The id is what `mute --member` and `schedule add --member` take.
    human: (v) => (v as { id: string; pseudonym: string; role: string; status: string; me: boolean; online: boolean; nothingHere?: true }[])
      .map((m) => `${shown(m.pseudonym)}${m.me ? ' (you)' : ''}: ${m.role}, ${m.status}${m.online ? ', online now' : ''}${m.nothingHere ? ', nothing they wrote has reached this device yet' : ''}  [${m.id}]`).join('\n'),
  },
  'rules show': {
    usage: 'hearth rules show --group ID',
    summary: "read the group's ground rules",
    async run(ctx) {
      await unlocked(ctx)
      return (await expectOk(ctx.service.groupInfo({ groupId: need(ctx, 'group') }))).rules
    },
    human: rulesText,
  },
  'rules set': {
    usage: 'hearth rules set --group ID --text TEXT',
    summary: 'write a new version of the ground rules (facilitators)',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.setRules({ groupId: need(ctx, 'group'), text: need(ctx, 'text') }))
    },
    human: (v) => `Ground rules are now version ${(v as RulesView).version}.`,
  },
  'rules accept': {
    usage: 'hearth rules accept --group ID',
    summary: 'accept the current ground rules (needed before posting)',
    async run(ctx) {
      await unlocked(ctx)
      const groupId = need(ctx, 'group')
      const info = await expectOk(ctx.service.groupInfo({ groupId }))
      if (!info.rules) throw new HearthError('NOT_FOUND', 'this group has no ground rules yet')
      return expectOk(ctx.service.acceptRules({ groupId, version: info.rules.version }))
    },
    human: (v) => `You accepted version ${(v as RulesView).version} of the ground rules.`,
  },
}

/** One line saying why this device does not write in the group for now (core/store/own-log-guard.ts). */
export function ownLogWarning(o: OwnLogStatus): string {
  const copy = o.damagedCopy ? ` A copy of the damaged store was kept in ${o.damagedCopy}.` : ''
  return o.state === 'behind'
    ? `hearth: warning: this device holds ${o.have} of its own ${o.expected ?? '?'} blocks in this group; the rest are fetched back from other members while online (hearth serve), and writing waits until then.${copy} [LOG_BEHIND]\n`
    : `hearth: warning: this profile was moved or restored; it writes in this group once another member online has shown it how much of its history they hold (hearth serve).${copy} [LOG_UNCONFIRMED]\n`
}
