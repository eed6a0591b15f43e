/**
 * Crypto benchmark: tweetnacl (referenceProvider) against sodium-native (fastProvider) for the
 * operations Hearth runs in bulk, plus argon2id at the vault defaults. Prints the machine and a
 * markdown table to paste into docs/benchmarks.md.
 *
 * Every row runs for a fixed time slice rather than a fixed count, so the whole run stays near
 * 15 s on any machine (tweetnacl verifies ~200 signatures a second; sodium ~20,000).
 *
 * Run: npx tsx scripts/bench/crypto.ts
 */
import { cpus } from 'node:os'
import { KDF_DEFAULTS, deriveKey } from '../../core/crypto/kdf.ts'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../core/crypto/provider-tweetnacl.ts'
import type { CryptoProvider } from '../../core/crypto/provider.ts'
import { randomBytes } from '../../core/crypto/random.ts'

const WARMUP_MS = 100
const SLICE_MS = 700
const KDF_RUNS = 3

/** Runs `op` for SLICE_MS after a warm-up and returns operations per second. */
function opsPerSecond(op: () => Uint8Array | boolean | null): number {
  let sink = 0
  const until = (ms: number): number => {
    let n = 0
    const start = performance.now()
    let now = start
    while (now - start < ms) {
      for (let i = 0; i < 8; i++) {
        const out = op()
        sink ^= typeof out === 'boolean' ? Number(out) : (out?.[0] ?? 0)
      }
      n += 8
      now = performance.now()
    }
    return n / ((now - start) / 1000)
  }
  until(WARMUP_MS)
  const rate = until(SLICE_MS)
  if (sink === -1) console.log('unreachable')
  return rate
}

interface Row { name: string; make: (p: CryptoProvider) => () => Uint8Array | boolean | null }

function secretboxRows(size: number, label: string): Row[] {
  const key = randomBytes(32)
  const nonce = randomBytes(24)
  const plain = randomBytes(size)
  const box = referenceProvider.secretboxSeal(plain, nonce, key)
  return [
    { name: `secretbox seal ${label}`, make: (p) => () => p.secretboxSeal(plain, nonce, key) },
    { name: `secretbox open ${label}`, make: (p) => () => p.secretboxOpen(box, nonce, key) },
  ]
}

function signRows(): Row[] {
  const kp = fastProvider.signKeyPairFromSeed(randomBytes(32))
  const msg = randomBytes(200)
  const sig = fastProvider.sign(msg, kp.secretKey)
  return [
    { name: 'sign (200 B)', make: (p) => () => p.sign(msg, kp.secretKey) },
    { name: 'verify (200 B, strict rule)', make: (p) => () => p.verify(sig, msg, kp.publicKey) },
  ]
}

function sealedBoxRows(): Row[] {
  const to = fastProvider.boxKeyPairFromSeed(randomBytes(32))
  const epochKey = randomBytes(32)
  const sealed = fastProvider.sealedBoxSeal(epochKey, to.publicKey)
  return [
    { name: 'sealed box seal (32 B lockbox)', make: (p) => () => p.sealedBoxSeal(epochKey, to.publicKey) },
    { name: 'sealed box open (32 B lockbox)', make: (p) => () => p.sealedBoxOpen(sealed, to.publicKey, to.secretKey) },
  ]
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)
}

async function main(): Promise<void> {
  const started = performance.now()
  console.log(`date: ${new Date().toString()}`)
  console.log(`node: ${process.version}, cpu: ${cpus()[0]?.model ?? 'unknown'}, cores: ${cpus().length}`)
  console.log('')
  console.log('| operation | tweetnacl ops/s | sodium-native ops/s | sodium / tweetnacl |')
  console.log('|---|---:|---:|---:|')
  const rows = [...secretboxRows(200, '200 B'), ...secretboxRows(4096, '4 KiB'), ...signRows(), ...sealedBoxRows()]
  for (const row of rows) {
    const slow = opsPerSecond(row.make(referenceProvider))
    const fast = opsPerSecond(row.make(fastProvider))
    console.log(`| ${row.name} | ${fmt(slow)} | ${fmt(fast)} | ${(fast / slow).toFixed(1)}× |`)
  }

  const times: number[] = []
  for (let i = 0; i < KDF_RUNS; i++) {
    const t0 = performance.now()
    await deriveKey('correct horse battery staple', randomBytes(16), KDF_DEFAULTS)
    times.push(performance.now() - t0)
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  console.log('')
  console.log(`argon2id at the defaults (${KDF_DEFAULTS.memlimit / 1024 / 1024} MiB, t=${KDF_DEFAULTS.opslimit}), ${KDF_RUNS} runs: ` +
    `mean ${mean.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`)
  console.log(`total bench time: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

await main()
