/**
 * One cold open for scripts/bench/open.ts, in its own process: unlock the profile, list the
 * groups (the groups screen), open the group, read the first feed page. Prints timings, blocks
 * read and peak memory as JSON. Waits for any checkpoint the open started, so the next run finds it.
 */
import { Vault } from '../../core/store/vault.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import { feed } from '../../core/model/views.ts'

const [dir, passphrase, groupId] = process.argv.slice(2) as [string, string, string]
const t0 = performance.now()
const vault = new Vault(dir)
await vault.unlock(passphrase)
const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
const tl = performance.now()
const groups = await reg.summaries()
const listMs = performance.now() - tl
if (!groups.some((g) => g.id === groupId)) throw new Error('the group is not listed')
const space = await reg.space(groupId)
const t1 = performance.now()
const page = feed({ me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }, { limit: 20 })
const t2 = performance.now()
if (page.posts.length !== 20) throw new Error('first page is short')
const blocksRead = space.blocksRead
await reg.lockNow()
process.stdout.write(JSON.stringify({ openMs: t1 - t0 - listMs, listMs, feedMs: t2 - t1, totalMs: t2 - t0, blocksRead, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
