/**
 * Child for the moderation canary test: two services in this process on a loopback testnet it
 * starts itself (two profiles, both under the scanned folder). Alder creates a group and posts;
 * Birch joins, mutes and then blocks Alder (the personal mute list), flags Alder's post and votes
 * on Alder's decision, then both lock. Prints Alder's member id (what "who I muted" would reveal)
 * and `done`. argv: rootDir passphrase canaryJson.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Result } from '../../../core/api.ts'
import { createService } from '../../../core/service.ts'

const [root, passphrase, json] = process.argv.slice(2) as [string, string, string]
const c = JSON.parse(json) as Record<string, string>
async function ok<T>(r: Promise<Result<T>>): Promise<T> {
  const res = await r
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`)
  return res.value
}

const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
const testnet = await createTestnet(3, { host: '127.0.0.1' })
const network = { bootstrap: testnet.bootstrap, host: '127.0.0.1' }
const alder = createService({ profileDir: path.join(root, 'alder'), network })
const birch = createService({ profileDir: path.join(root, 'birch'), network })
await ok(alder.createProfile({ passphrase, name: 'Alder' }))
const { id: groupId } = await ok(alder.createGroup({ name: 'Circle' }))
const alderId = (await ok(alder.groupInfo({ groupId }))).me
const post = await ok(alder.post({ groupId, text: c.post as string }))
const proposal = await ok(alder.propose({ groupId, text: c.proposal as string, options: ['yes', 'no'], closesAt: Date.now() + 3_600_000 }))
const { code } = await ok(alder.createInvite({ groupId }))

await ok(birch.createProfile({ passphrase, name: c.pseudonym as string }))
await ok(birch.joinGroup({ code, waitMs: 30_000 }))
for (let i = 0; i < 300; i++) {
  const feed = await birch.feed({ groupId })
  const ds = await birch.decisions({ groupId })
  if (feed.ok && feed.value.posts.some((p) => p.id === post.id) && ds.ok && ds.value.length) break
  await new Promise((r) => setTimeout(r, 100))
}
await ok(birch.flag({ groupId, to: post.id, reason: 'other' }))
await ok(birch.vote({ groupId, proposal: proposal.id, option: 1 }))
await ok(birch.setMute({ groupId, member: alderId, level: 'mute' }))
await ok(birch.setMute({ groupId, member: alderId, level: 'block' }))
if ((await ok(birch.listMutes({ groupId })))[0]?.level !== 'block') throw new Error('the mute list did not keep the block')
await Promise.all([alder.close(), birch.close()])
await testnet.destroy()
process.stdout.write(`alder ${alderId}\ndone\n`)
process.exit(0)
