/**
 * Personal docs (DESIGN.md §3.2): the safety plan, journal, drafts. They live in this profile's
 * device log named "personal", which is never announced or replicated, each block sealed under
 * the profile subkey "personal-docs" (epoch 0: the key never changes, as nobody else holds it).
 *
 * Doc `personal/<name>` (Yjs): a Y.Map "content" with `text` (string) and `updatedAt` (ms).
 * Typed personal docs (safety plan, journal, training progress, check-ins) keep their own layout,
 * written in the core/model module that owns each one, and go through `doc` and `change`.
 */
import * as Y from 'yjs'
import { errors } from '../errors.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { personalDocId } from '../model/doc-id.ts'
import { BlockKind, decodeBlock, encodeBlock } from './block-codec.ts'
import type { DeviceLog } from './device-log.ts'

export const PERSONAL_LOG = 'personal'
export const PERSONAL_KEY_PURPOSE = 'personal-docs'

export class PersonalDocs {
  private readonly docs = new Map<string, Y.Doc>()

  private constructor(
    private readonly log: DeviceLog,
    private key: Uint8Array | null,
  ) {}

  static async open(log: DeviceLog, key: Uint8Array): Promise<PersonalDocs> {
    const p = new PersonalDocs(log, copyBytes(key))
    for await (const { block } of log.read(0)) {
      const b = decodeBlock(block, (e) => (e === 0 && p.key ? p.key : undefined))
      if (b.kind === BlockKind.YjsUpdate) Y.applyUpdate(p.doc(b.docId), b.payload)
    }
    return p
  }

  private doc(docId: string): Y.Doc {
    let d = this.docs.get(docId)
    if (!d) this.docs.set(docId, (d = new Y.Doc()))
    return d
  }

  read(name: string): string | null {
    const text = this.docs.get(personalDocId(name))?.getMap('content').get('text')
    return typeof text === 'string' ? text : null
  }

  /** A personal doc to read (empty when never written). Callers must not change it directly. */
  view(name: string): Y.Doc {
    if (!this.key) throw errors.PROFILE_LOCKED()
    return this.doc(personalDocId(name))
  }

  /**
   * Runs `fn` as one transaction on a personal doc and resolves once the change is durable. If
   * `fn` throws or the log refuses the block, the doc is read again from the log, so nothing
   * shows that was not stored.
   */
  async change(name: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const key = this.key
    if (!key) throw errors.PROFILE_LOCKED()
    const docId = personalDocId(name)
    const doc = this.doc(docId)
    const before = Y.encodeStateVector(doc)
    try {
      doc.transact(() => fn(doc))
      const update = Y.encodeStateAsUpdate(doc, before)
      if (update.length <= 2) return // nothing changed
      await this.log.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload: update }, key))
    } catch (e) {
      await this.reload(docId)
      throw e
    }
  }

  /** Rebuilds one doc from the blocks the log holds. */
  private async reload(docId: string): Promise<void> {
    const fresh = new Y.Doc()
    for await (const { block } of this.log.read(0)) {
      const b = decodeBlock(block, (e) => (e === 0 && this.key ? this.key : undefined))
      if (b.kind === BlockKind.YjsUpdate && b.docId === docId) Y.applyUpdate(fresh, b.payload)
    }
    this.docs.get(docId)?.destroy()
    this.docs.set(docId, fresh)
  }

  /** Resolves once the change is durable. */
  async write(name: string, text: string, now: number): Promise<void> {
    const key = this.key
    if (!key) throw errors.PROFILE_LOCKED()
    const docId = personalDocId(name)
    const doc = this.doc(docId)
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      const content = doc.getMap('content')
      content.set('text', text)
      content.set('updatedAt', now)
    })
    const update = Y.encodeStateAsUpdate(doc, before)
    await this.log.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId, payload: update }, key))
  }

  dropKey(): void {
    wipe(this.key)
    this.key = null
    for (const d of this.docs.values()) d.destroy()
    this.docs.clear()
  }
}
