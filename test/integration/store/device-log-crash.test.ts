/**
 * Device logs under `kill -9` and the canary scan (DESIGN.md §5, threat-model lines 5 and 6).
 *
 * Crash: a separate process appends sealed blocks and prints each acknowledged index; it is
 * SIGKILLed at a random moment (sometimes while still opening the store), 20 times. After every
 * kill the store opens cleanly, every acknowledged block is there and decodes to what was
 * written, and every block present decodes.
 *
 * Canary: the payloads carry canary strings; the logs folder and the child's own TMPDIR hold
 * no trace of them. A positive control shows the same scan does find a canary stored unsealed.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { randomBytes } from '../../../core/crypto/random.ts'
import { decodeBlock } from '../../../core/store/block-codec.ts'
import { LOG_STORE_DIR, LogStore } from '../../../core/store/log-store.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { spawnTs } from '../../helpers/child.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const CHILD = fileURLToPath(new URL('./append-blocks.child.ts', import.meta.url))
const KILLS = 20
const NAME = 'group-x.m1'

interface Setup {
  profile: string
  tmp: string
  logSecret: Uint8Array
  epochKey: Uint8Array
}

function setup(): Setup {
  return { profile: tempDir(), tmp: tempDir('hearth-child-tmp-'), logSecret: randomBytes(32), epochKey: randomBytes(32) }
}

function spawnAppender(s: Setup, count: number, prefix: string): ReturnType<typeof spawnTs> {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
  return spawnTs(CHILD, [s.profile, hex(s.logSecret), hex(s.epochKey), NAME, String(count), prefix], { TMPDIR: s.tmp })
}

/** Opens the store in this process and returns every block's payload label, by index. */
async function readAll(s: Setup): Promise<string[]> {
  const store = await LogStore.open(s.profile, s.logSecret)
  try {
    const log = await store.openDeviceLog(NAME)
    const labels: string[] = []
    for await (const { block } of log.read()) {
      const payload = decodeBlock(block, (e) => (e === 1 ? s.epochKey : undefined)).payload
      labels.push(new TextDecoder().decode(payload).split('|')[0] as string)
    }
    return labels
  } finally {
    await store.close()
  }
}

describe('device log durability and secrecy', () => {
  it(`keeps every acknowledged block through ${KILLS} kills at random moments`, async () => {
    const s = setup()
    const rnd = seededRandom(testSeed())
    const canary = makeCanary('crash')
    const acked = new Map<number, string>()
    let killedBeforeReady = 0
    for (let i = 0; i < KILLS; i++) {
      const child = spawnAppender(s, 100_000, `${canary}:k${i}`)
      if (rnd.next() < 0.25) {
        await new Promise((r) => setTimeout(r, rnd.int(0, 400)))
      } else {
        await child.waitForLine((l) => l === 'ready')
        await new Promise((r) => setTimeout(r, rnd.int(0, 250)))
      }
      child.proc.kill('SIGKILL')
      const { signal } = await child.exited
      expect(signal, child.stderr()).toBe('SIGKILL')
      if (!child.lines.includes('ready')) killedBeforeReady++
      for (const l of child.lines) {
        const m = /^ack (\d+) (\S+)$/.exec(l)
        if (m) acked.set(Number(m[1]), m[2] as string)
      }

      const labels = await readAll(s)
      for (const [index, label] of acked) {
        expect(labels[index], `seed ${rnd.seed} kill ${i}: acknowledged block ${index} lost`).toBe(label)
      }
    }
    expect(acked.size).toBeGreaterThan(KILLS)
    expect(scanForCanaries([path.join(s.profile, LOG_STORE_DIR), s.tmp], [canary])).toEqual([])
    console.info(`device-log crash test: ${acked.size} acknowledged appends, ${killedBeforeReady} kills before the log was open`)
  })

  it('leaves no canary in the logs folder or the temp folder, and the scan would see one', async () => {
    const s = setup()
    const canaries = [makeCanary('post'), makeCanary('reply')]
    for (const c of canaries) {
      const child = spawnAppender(s, 30, c)
      await child.waitForLine((l) => l === 'done')
      await child.exited
    }
    expect((await readAll(s)).length).toBe(60)
    expect(scanForCanaries([path.join(s.profile, LOG_STORE_DIR), s.tmp], canaries)).toEqual([])

    // Positive control: a "block" with a valid header and the canary unsealed is found on disk.
    const control = tempDir()
    const leak = makeCanary('control')
    const store = await LogStore.open(control, randomBytes(32))
    const log = await store.openDeviceLog(NAME)
    const raw = new Uint8Array(29 + 64)
    raw[0] = 1
    raw.set(new TextEncoder().encode(leak), 29)
    await log.append(raw)
    await store.close()
    expect(scanForCanaries([path.join(control, LOG_STORE_DIR)], [leak]).length).toBeGreaterThan(0)
  })
})
