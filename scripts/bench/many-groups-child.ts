/**
 * One measurement for scripts/bench/many-groups.ts, in its own process (run with --expose-gc):
 * unlock the profile, open GROUPS groups (as going online does), count every group's unread (as
 * the groups screen does at unlock), read each one's first feed page
 * (as glancing at each would), then let every group's docs rest (core/group/doc-rest.ts), then read
 * one group again (the group on screen). Heap and RSS after a full GC at each step, and the peak
 * RSS, as JSON.
 */
import { Vault } from '../../core/store/vault.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import type { GroupSpace } from '../../core/group/group-space.ts'
import { feed } from '../../core/model/views.ts'
import { everydayHandlers } from '../../core/group/everyday-handlers.ts'

const [dir, passphrase, count] = process.argv.slice(2) as [string, string, string]
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')

function settled(): { heapMB: number; rssMB: number } {
  for (let i = 0; i < 3; i++) gc?.()
  const m = process.memoryUsage()
  return { heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 }
}

const page = (s: GroupSpace): number =>
  feed({ me: s.me, members: s.governance.members, docs: s.docs.memberDocs(), rules: s.docs.rules().current() }, { limit: 20 }).posts.length

const vault = new Vault(dir)
await vault.unlock(passphrase)
const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
const base = settled()
const ids = (await reg.summaries()).map((g) => g.id).sort().slice(0, Number(count))
const spaces: [string, GroupSpace][] = []
for (const id of ids) spaces.push([id, await reg.space(id)])
// Opened as going online opens them: from the local checkpoint, no page read yet.
const online = settled()
const peakOnlineMB = process.resourceUsage().maxRSS / 1024
// The groups screen at unlock: each of these groups' unread counts (for all of them, `unread({})`).
const { unread } = everydayHandlers({ registry: () => reg, now: Date.now })
for (const [id] of spaces) if ((await unread({ groupId: id })).length !== 1) throw new Error('a group was not counted')
const counted = settled()
const peakCountedMB = process.resourceUsage().maxRSS / 1024
const wokenToCount = spaces.filter(([, s]) => !s.docs.isResting).length
for (const [, s] of spaces) if (page(s) !== 20) throw new Error('first page is short')
const open = settled()
const peakOpenMB = process.resourceUsage().maxRSS / 1024
for (const [id, s] of spaces) if (!(await reg.rest.now(id, s))) throw new Error('a group did not rest')
const resting = settled()
const t = performance.now()
if (page((spaces[0] as [string, GroupSpace])[1]) !== 20) throw new Error('first page is short after waking')
const wakeMs = performance.now() - t
const oneShown = settled()
await reg.lockNow()
process.stdout.write(JSON.stringify({ base, online, peakOnlineMB, counted, peakCountedMB, wokenToCount, open, resting, oneShown, wakeMs, peakOpenMB, peakMB: process.resourceUsage().maxRSS / 1024 }))
