/**
 * What a heavy honest member writes to one device log (issue 14), to choose the byte budget Q
 * (core/group/log-quota.ts) from a measurement. One member writes, day after day, 20 posts of
 * about 500 characters (a long paragraph; a quarter of them in Arabic script, two bytes a
 * character) and 20 reactions, each its own block as the app writes them (GroupSpace.change),
 * with every shared checkpoint today's policy (sharedCheckpointDue) makes. The log is in memory:
 * Hypercore's byte length is the sum of its blocks' sizes, so the figure is the same. Prints
 * `uptime` before and after and a markdown table for docs/benchmarks.md.
 *
 * Run: npx tsx scripts/bench/log-quota.ts [years=5]
 */
import { execFileSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { LOG_QUOTA_BYTES } from '../../core/group/log-quota.ts'
import { memberDocId } from '../../core/model/doc-id.ts'
import { MemberDoc, type Ref } from '../../core/model/member-doc.ts'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import { BlockKind, decodeBlock } from '../../core/store/block-codec.ts'
import { seededRandom } from '../../test/helpers/seeded-random.ts'
import { GroupSpace, type AppendLog } from '../../core/group/group-space.ts'
import { identityFromSeed } from '../../core/crypto/identity.ts'
import { quotaEndFromSizes } from '../../core/group/log-quota.ts'
import { DEFAULT_TOPICS } from '../../core/model/vocabulary.ts'

const YEARS = Number(process.argv[2] ?? 5)
const PER_DAY = 20
const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim()
const MiB = (n: number): string => (n / 1024 / 1024).toFixed(1)

const LATIN = 'the of and to a in that it was for on with as I my not but had at be this have from we me they'.split(' ')
const ARABIC = 'في من على إلى أن كان هذا التي الذي مع عن لا ما قد كل بعد أنا نحن هو هي'.split(' ')

function paragraph(rnd: ReturnType<typeof seededRandom>, arabic: boolean): string {
  const words = arabic ? ARABIC : LATIN
  let s = ''
  while (s.length < 500) s += `${rnd.pick(words)} `
  return s.trim()
}

const before = uptime()
const rnd = seededRandom(14)

/** The member's device log in memory; its byte length is what Hypercore's signed tree would sum. */
class Log implements AppendLog {
  readonly blocks: Uint8Array[] = []
  byteLength = 0
  readonly key = Buffer.from(rnd.bytes(32)).toString('hex')
  get length(): number {
    return this.blocks.length
  }
  async append(block: Uint8Array): Promise<number> {
    this.byteLength += block.length
    return this.blocks.push(block) - 1
  }
  async get(i: number): Promise<Uint8Array | null> {
    return this.blocks[i] ?? null
  }
  async quotaEnd(budget: number): Promise<number> {
    return quotaEndFromSizes(this.blocks.map((b) => b.length), budget)
  }
}

const who = identityFromSeed(rnd.bytes(32))
const me = Buffer.from(who.signPublicKey).toString('hex')
const epochKey = rnd.bytes(32)
const log = new Log()
const space = new GroupSpace(log, { identity: who, epochs: new Map([[0, epochKey.slice()]]), current: 0 })
await space.writeGovernance({
  v: 1, kind: 'genesis', group: '', author: me, at: 1_700_000_000_000, seen: {},
  body: {
    name: 'Circle', mode: 'survivor-led',
    settings: { topics: DEFAULT_TOPICS.map((t) => ({ ...t })), rulesWriters: ['facilitator'], inviters: ['facilitator'], flagThreshold: 3 },
    creator: { pseudonym: 'Heavy writer', boxKey: Buffer.from(who.boxPublicKey).toString('hex'), device: log.key },
  },
})
const g = { space, log, me, epochKey }
const docId = memberDocId(g.me)
const rows: string[] = []
let day0 = 1_700_000_000_000
let posts = 0
for (let year = 1; year <= YEARS; year++) {
  for (let d = 0; d < 365; d++) {
    let last: Ref | null = null
    for (let i = 0; i < PER_DAY; i++) {
      const at = day0 + i * 60_000
      await g.space.change(docId, (doc) => void (last = new MemberDoc(doc, g.me).addPost({ topic: 'check-in', text: paragraph(rnd, posts % 4 === 3), cw: null }, at)))
      posts++
      const target = last as Ref | null
      if (target) await g.space.change(docId, (doc) => new MemberDoc(doc, g.me).react(target, 'believe', true, at + 1))
    }
    day0 += 86_400_000
  }
  await g.space.idle()
  let checkpointBytes = 0
  let checkpoints = 0
  for (const b of g.log.blocks) {
    if (decodeBlock(b, () => g.epochKey, fastProvider).kind === BlockKind.Checkpoint) {
      checkpointBytes += b.length
      checkpoints++
    }
  }
  const total = g.log.byteLength
  rows.push(`| ${year} | ${posts.toLocaleString('en')} | ${g.log.length.toLocaleString('en')} | ${MiB(total - checkpointBytes)} | ${checkpoints} | ${MiB(checkpointBytes)} | ${MiB(total)} | ${(LOG_QUOTA_BYTES / total).toFixed(1)}× |`)
  process.stderr.write(`year ${year} done\n`)
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Q = ${MiB(LOG_QUOTA_BYTES)} MiB`)
console.log(`uptime before: ${before}`)
console.log('| years | posts | blocks | posts and reactions (MiB) | checkpoint blocks | their size (MiB) | log total (MiB) | Q / total |')
console.log('|---|---|---|---|---|---|---|---|')
for (const r of rows) console.log(r)
console.log(`uptime after: ${uptime()}`)
