/**
 * One cold open for scripts/bench/open.ts, in its own process: unlock the profile, list the
 * groups (the groups screen), the first screen as the app gets it (the kept first screen when it
 * is current: core/group/first-screen.ts), then open the group and read the first feed page from
 * its docs; the longest event-loop task while the docs wake behind the kept screen. Prints
 * timings, blocks read and peak memory (after each step) as JSON. Keeps the first screen and waits
 * for any checkpoint the open started, so the next run finds both.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Vault } from '../../core/store/vault.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import { feed } from '../../core/model/views.ts'
import { readerSource } from '../../core/group/reader-source.ts'

const [dir, passphrase, groupId] = process.argv.slice(2) as [string, string, string]
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const t0 = performance.now()
const c0 = cpu()
const vault = new Vault(dir)
await vault.unlock(passphrase)
const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
const tl = performance.now()
const cl = cpu()
const groups = await reg.summaries()
const listMs = performance.now() - tl
const listCpu = cpu() - cl
if (!groups.some((g) => g.id === groupId)) throw new Error('the group is not listed')
const early = await reg.firstScreen(groupId)
const te = performance.now()
const earlyCpu = cpu() - cl - listCpu
if (early && early.feed.posts.length !== 20) throw new Error('the kept first page is short')
// The longest event-loop task from the kept screen's answer until the docs behind it are awake
// (`space` waits for a wake under way; docs still resting are woken as a read would).
const loop = monitorEventLoopDelay({ resolution: 5 })
if (early) loop.enable()
const space = await reg.space(groupId)
// A later call waits for a wake under way as `space` does for an open group (group-registry.ts).
if (early) await space.docs.woken
if (early && space.docs.isResting) space.docs.wake()
const t1 = performance.now()
// The monitor notes a long task when its timer next fires: one more timer before it stops (not timed).
if (early) await new Promise((r) => setTimeout(r, 20))
loop.disable()
const wakeTaskMs = loop.max / 1e6
const settleMs = performance.now() - t1
// CPU time (every thread of the process, storage reads included): far steadier than wall time on a shared machine.
const openCpuMs = cpu() - c0 - listCpu - earlyCpu
// Peak memory up to the end of the open (the anchor's is taken once its docs are built); the
// process's peak at exit also holds the feed page, the kept screen and the checkpoint sealed at lock.
const peak = (): number => process.resourceUsage().maxRSS / 1024
const openRssMB = peak()
const page = feed({ me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }, { limit: 20 })
const t2 = performance.now() - settleMs
if (page.posts.length !== 20) throw new Error('first page is short')
// The kept page must be the page the feed call gives from the docs, word for word.
if (early && JSON.stringify(early.feed) !== JSON.stringify(feed(readerSource(space, reg.personal), { limit: 20 }))) throw new Error('the kept first page differs from the docs')
const blocksRead = space.blocksRead
const pageRssMB = peak()
// What the app does after two quiet seconds, done now so the next run finds it.
const kept = await reg.screens.keep(groupId, space)
const keepRssMB = peak()
await reg.lockNow()
const earlyMs = te - tl - listMs
process.stdout.write(JSON.stringify({ openMs: t1 - t0 - listMs - earlyMs, openCpuMs, listMs, feedMs: t2 - t1, totalMs: t2 - t0 - earlyMs, screenMs: early ? te - t0 : null, kept, blocksRead, wakeTaskMs: early ? wakeTaskMs : null, openRssMB, pageRssMB, keepRssMB, maxRssMB: peak() }))
