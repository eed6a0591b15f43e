/**
 * Reads a stopped peer's profile from its files, as someone holding its passphrase could: the
 * epoch keys in its vault and the blocks in its log store (its own log and the copies it holds of
 * others'). Tests use it to check what a device really holds, not what its views show.
 */
import { openEvent } from '../../../core/group/gov-event.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../../core/store/log-store.ts'
import { Vault } from '../../../core/store/vault.ts'

export interface ProfileLogs {
  /** This membership's own device log. */
  own(): Promise<{ key: string; blocks: Uint8Array[] }>
  /** The blocks this profile holds of any log, up to the first one it lacks. */
  blocksOf(key: string): Promise<Uint8Array[]>
  /** Every epoch key in the vault for the group. */
  epochKeys(): Map<number, Uint8Array>
  /** Index of the first governance block of `kind` in `blocks`, opened with this profile's keys; -1 if none. */
  findGovernance(blocks: Uint8Array[], kind: string): Promise<number>
  /** The governance event kind of a block this profile can open. */
  kindOf(block: Uint8Array): Promise<string>
  close(): Promise<void>
}

export async function openProfileLogs(dir: string, passphrase: string, groupId: string): Promise<ProfileLogs> {
  const vault = new Vault(dir)
  await vault.unlock(passphrase)
  const store = await LogStore.open(dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
  const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`))) as { log: string }
  const keys = new Map<number, Uint8Array>()
  for (const name of vault.names()) {
    const m = new RegExp(`^group/${groupId}/epoch/(\\d+)$`).exec(name)
    if (m) keys.set(Number(m[1]), (vault.get(name) as Uint8Array).slice())
  }
  const kindOf = async (block: Uint8Array): Promise<string> => {
    const b = decodeBlock(block, (e) => keys.get(e))
    return b.kind === BlockKind.Governance ? openEvent(b.payload).event.kind : 'update'
  }
  const blocksOf = async (key: string): Promise<Uint8Array[]> => {
    const log = await store.openPeerLog(Buffer.from(key, 'hex'))
    const out: Uint8Array[] = []
    for (let i = 0; i < log.length; i++) {
      const b = await log.get(i)
      if (b === null) break
      out.push(b)
    }
    return out
  }
  return {
    async own() {
      const key = Buffer.from(store.keyFor(meta.log)).toString('hex')
      return { key, blocks: await blocksOf(key) }
    },
    blocksOf,
    epochKeys: () => keys,
    async findGovernance(blocks, kind) {
      for (let i = 0; i < blocks.length; i++) {
        try {
          if ((await kindOf(blocks[i] as Uint8Array)) === kind) return i
        } catch {
          // a block this profile cannot open is not the one asked for
        }
      }
      return -1
    },
    kindOf,
    async close() {
      await store.close()
      vault.lock()
    },
  }
}
