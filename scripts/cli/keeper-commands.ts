/**
 * `hearth keeper …` (issue 15). `keeper serve` runs a keeper: a headless node on its own profile
 * folder (never a member's; by default next to the member profile, with "-keeper" appended) that
 * holds groups' device logs as ciphertext and serves them to their members (core/keeper/). Its
 * first output line, always JSON whatever --json says, is {"keeper":"CODE","groups":[…]} (and
 * "signal":"ws://…" with --signal PORT: `hearth signal`'s server run beside it): CODE is
 * what a facilitator pastes into `hearth keeper add`; with --json, a line {"kept":LOG,"group":ACCESS}
 * follows for each log it starts keeping, and {"refused":LOG,"group":ACCESS} for each it will not
 * (another group's log, or past the group's limit or quota, or a refused successor or an old
 * version: a KEEPER_* code in place of LOG), {"full":ACCESS} when a group reaches `--quota SIZE`
 * (500MB, 2GB: past it the keeper takes no new block of that group and tells its members; what it
 * holds stays), {"succeeded":NEW,"group":OLD} when a group's access key moves on with its epoch
 * (the old one is retired), and {"unregistered":ACCESS} for a group it
 * would not take on (its access did not prove the registration secret of the keeper's code). It runs unattended, so the passphrase comes
 * from HEARTH_PASSPHRASE or --passphrase-file. Ctrl-C or SIGTERM closes the store cleanly.
 *
 * `keeper add` / `keeper remove` write governance events (facilitators; core/group/keeper-rules.ts),
 * so every member's device follows them; `keeper list` says which keeper the group has.
 */
import path from 'node:path'
import type { KeeperView } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { encodeKeeperCode } from '../../core/keeper/keeper-code.ts'
import { KeeperNode } from '../../core/keeper/keeper-node.ts'
import { openKeeperProfile } from '../../core/keeper/keeper-profile.ts'
import { parseSize } from '../../core/keeper/keeper-quota.ts'
import { defaultProfileDir } from '../../core/store/profile-dir.ts'
import { currentPassphrase, expectOk, need, opt, unlocked, type Command, type CommandContext } from './commands.ts'
import { networkOptions, seconds, stayUp } from './net-commands.ts'
import { startSignal } from './signal-command.ts'
import { list } from './webrtc-commands.ts'

export const keeperCommands: Record<string, Command & { network?: boolean; noProfile?: boolean }> = {
  'keeper serve': {
    usage: 'hearth keeper serve [--profile DIR] [--bootstrap HOST:PORT] [--for SECONDS] [--max-groups N] [--quota SIZE] [--signal PORT [--host H]]',
    summary: 'run a keeper: hold groups’ logs as ciphertext (it can read none) so members who are never online together still sync',
    // The member profile's node must not be started or reached: the keeper has a folder of its own.
    noProfile: true,
    async run(ctx) {
      const dir = typeof ctx.options.profile === 'string' ? ctx.profileDir : `${path.resolve(defaultProfileDir())}-keeper`
      const secondsUp = seconds(ctx, 'for', 365 * 24 * 3600)
      const maxGroups = positive(ctx, 'max-groups', 16)
      const quotaText = opt(ctx, 'quota')
      const quota = quotaText === undefined ? undefined : parseSize(quotaText)
      const net = networkOptions(opt(ctx, 'bootstrap'))
      const signalPort = list(ctx, 'signal')[0]
      const profile = await openKeeperProfile(dir, await currentPassphrase(ctx))
      let node: KeeperNode
      let signal: Awaited<ReturnType<typeof startSignal>> | null = null
      try {
        node = await KeeperNode.start(profile, { ...net, maxGroups, ...(quota ? { quota } : {}) })
      } catch (e) {
        await profile.close()
        throw e
      }
      try {
        // `hearth signal`'s own server beside the node: it holds no key and needs none of the keeper's.
        if (signalPort !== undefined) signal = await startSignal(ctx, signalPort, 'signal')
        process.stdout.write(JSON.stringify({ keeper: encodeKeeperCode({ key: node.publicKey, register: profile.register }), groups: node.groups(), ...(signal ? { signal: signal.url } : {}) }) + '\n')
        for (const name of node.unreadableMailboxes) process.stderr.write(`MAILBOX_FILE_UNREADABLE: the mailbox file ${name} does not open with this keeper’s key; it was left where it is\n`)
        // With --json, one line per log the keeper starts keeping: keys only, which open nothing.
        if (ctx.options.json) {
          node.on('kept', (group, log) => process.stdout.write(JSON.stringify({ kept: log, group }) + '\n'))
          node.on('refused', (group, log) => process.stdout.write(JSON.stringify({ refused: log, group }) + '\n'))
          // Groups already full when it starts are said at once; others when they fill up.
          for (const group of node.groups()) if (node.isFull(group)) process.stdout.write(JSON.stringify({ full: group }) + '\n')
          node.on('full', (group) => process.stdout.write(JSON.stringify({ full: group }) + '\n'))
          node.on('unregistered', (group) => process.stdout.write(JSON.stringify({ unregistered: group }) + '\n'))
          node.on('succeeded', (group, next) => process.stdout.write(JSON.stringify({ succeeded: next, group }) + '\n'))
        }
        await stayUp(secondsUp)
      } finally {
        await signal?.close()
        await node.close()
      }
      return { stopped: true, groups: node.groups().length }
    },
    human: () => 'Keeper stopped.',
  },
  'keeper add': {
    usage: 'hearth keeper add --group ID --code CODE',
    summary: 'facilitators: give the group a keeper (its code, from `hearth keeper serve`); every member follows it',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.addKeeper({ groupId: need(ctx, 'group'), code: need(ctx, 'code') }))
    },
    human: () => 'The group now has a keeper. Every member’s device will sync through it as well. It holds only ciphertext.',
  },
  'keeper remove': {
    usage: 'hearth keeper remove --group ID --keeper CODE',
    summary: 'facilitators: take the group’s keeper away; no member sends it anything from then on',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.removeKeeper({ groupId: need(ctx, 'group'), keeper: need(ctx, 'keeper') }))
    },
    human: () => 'The keeper was removed. Nothing written from now on is sent to it.',
  },
  'keeper list': {
    usage: 'hearth keeper list --group ID [--json]',
    summary: 'the group’s keeper: which one, when this device last reached it, how much it holds',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.keepers({ groupId: need(ctx, 'group') }))
    },
    human: (v) => keeperLines(v as KeeperView[]),
  },
}

function positive(ctx: CommandContext, name: string, fallback: number): number {
  const v = opt(ctx, name)
  const n = v === undefined ? fallback : Number(v)
  if (!Number.isInteger(n) || n <= 0) throw new HearthError('INVALID_INPUT', `--${name} wants a whole number above 0`)
  return n
}

function keeperLines(list: KeeperView[]): string {
  const now = list.find((k) => k.current)
  if (!now) return 'This group has no keeper.'
  const lines = [`Keeper: ${now.code}`, `Added by ${now.addedBy.name} on ${new Date(now.addedAt).toISOString().slice(0, 10)}.`]
  const r = now.reach
  if (!r) lines.push('This device is not online with the group, so it cannot say whether the keeper is reachable.')
  else {
    lines.push(r.connected ? 'Connected now.' : r.lastReached ? `Last reached ${new Date(r.lastReached).toISOString()}.` : 'Not reached since this device came online.')
    lines.push(`It holds ${r.blocksHeld} blocks of the group’s logs${r.holdsMine ? ', including everything this device wrote' : ''}.`)
    if (r.full) lines.push('The keeper is full: it takes nothing new from this group. What it holds is kept. Ask the person who runs it for a larger --quota.')
  }
  return lines.join('\n')
}
